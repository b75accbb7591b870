import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { writeCsvZip } from '../../src/export/csv.js';
import { collectGraph } from '../../src/export/collect.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { Subgraph } from '../../src/graph/port.js';
import { loadFiles } from '../../src/ingest/load.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/index.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';

/**
 * The header grammar of `neo4j-admin database import` (Neo4j 5 operations manual, "CSV header format"):
 * `name:type` with the types below, optionally an array `[]`; `:ID`, `:START_ID`, `:END_ID` with an optional
 * `(id group)`; `:LABEL`, `:TYPE`, `:IGNORE`. The local Neo4j is embedded and has no neo4j-admin, so the
 * files are checked against that grammar and against the graph they came from.
 */
const PROPERTY_TYPES = ['int', 'long', 'float', 'double', 'boolean', 'byte', 'short', 'char', 'string', 'point', 'date', 'localtime', 'time', 'localdatetime', 'datetime', 'duration'];
const FIELD = new RegExp(`^(?<name>[^:]+)?(?::(?:(?<key>ID|START_ID|END_ID)(?:\\([^)]+\\))?|(?<special>LABEL|TYPE|IGNORE)|(?<type>${PROPERTY_TYPES.join('|')})(?<array>\\[\\])?))?$`);

const fields = (header: string[]) => header.map((field) => ({ field, parts: FIELD.exec(field)?.groups }));

describe('the CSV export in neo4j-admin import format', () => {
  let graph: Subgraph;
  let files: Record<string, string[][]>;

  beforeAll(async () => {
    const store = createMemoryStore();
    await loadFiles([SEEDS_DIRECTORY], { graph: store, search: createEmbeddedIndex() });
    graph = await collectGraph(store, {});
    const zip = unzipSync(new Uint8Array(await buffer(writeCsvZip(graph))));
    files = Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, parse(Buffer.from(bytes).toString('utf8'), { relax_column_count: false })]));
  });

  it('holds nodes.csv and relationships.csv, every header field in the grammar', () => {
    expect(Object.keys(files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
    for (const [, [header]] of Object.entries(files)) {
      const bad = fields(header!).filter((f) => !f.parts);
      expect(bad.map((f) => f.field)).toEqual([]);
    }
  });

  it('nodes.csv: one :ID column, labels from the model, a row per node', () => {
    const [header, ...rows] = files['nodes.csv']!;
    const parsed = fields(header!);
    expect(parsed.filter((f) => f.parts?.key === 'ID')).toHaveLength(1);
    const label = header!.indexOf(':LABEL');
    expect(label).toBeGreaterThanOrEqual(0);
    expect(rows).toHaveLength(graph.nodes.length);
    expect(new Set(rows.map((r) => r[label]))).toEqual(new Set(NODE_LABELS));
  });

  it('relationships.csv: :START_ID, :END_ID and :TYPE, each end a node of nodes.csv', () => {
    const [header, ...rows] = files['relationships.csv']!;
    const parsed = fields(header!);
    for (const key of ['START_ID', 'END_ID']) expect(parsed.filter((f) => f.parts?.key === key)).toHaveLength(1);
    expect(header!.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    const ids = new Set(files['nodes.csv']!.slice(1).map((r) => r[0]));
    expect(rows).toHaveLength(graph.edges.length);
    expect(rows.filter((r) => !ids.has(r[0]!) || !ids.has(r[1]!))).toEqual([]);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(REL_TYPES));
  });

  it('lists are string[] columns that split back into the original values on ;', () => {
    const [header, ...rows] = files['nodes.csv']!;
    const aliases = header!.indexOf('aliases:string[]');
    expect(aliases).toBeGreaterThan(0);
    const row = rows.find((r) => r[header!.indexOf('name')] === '李健文')!;
    expect(row[aliases]!.split(';')).toEqual(graph.nodes.find((n) => n.name === '李健文')!.aliases);
  });
});
