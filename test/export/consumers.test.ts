import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, PYTHON_MISSING, readExport } from '../support/python.js';
import { tupuSucceeds } from '../support/tupu.js';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * `tupu export` of the seed graph, read back by the tools researchers use: NetworkX for GraphML and GEXF,
 * followthemoney for FtM entities. Runs the command as a user would, on the embedded store.
 */
describe.skipIf(!PYTHON)(`tupu export read by its consumers${PYTHON ? '' : ` — skipped: ${PYTHON_MISSING}`}`, { timeout: 180_000 }, () => {
  let data: string;
  let stats: { nodes: Record<string, number>; relationships: Record<string, number> };
  const tupu = (...args: string[]) => tupuSucceeds(data, ...args);
  const exported = async (format: string, ...more: string[]) => {
    const file = join(data, `export.${format}`);
    await tupu('export', '--format', format, '--out', file, ...more);
    return file;
  };

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'tupu-export-'));
    await tupu('load');
    stats = JSON.parse((await tupu('stats')).stdout);
  });

  it('GraphML: NetworkX reads as many nodes and edges as tupu stats counts, each node with its kind', async () => {
    const graph = await readExport('graphml', await exported('graphml'));
    expect(graph.nodes).toBe(sum(stats.nodes));
    expect(graph.edges).toBe(sum(stats.relationships));
    expect(graph.kinds).toEqual(stats.nodes);
  });

  it('GEXF: NetworkX reads the same graph', async () => {
    const graph = await readExport('gexf', await exported('gexf'));
    expect({ nodes: graph.nodes, edges: graph.edges }).toEqual({ nodes: sum(stats.nodes), edges: sum(stats.relationships) });
  });

  it('FtM: every entity passes followthemoney validation and refers only to exported entities', async () => {
    const ftm = await readExport('ftm', await exported('ftm'));
    expect(ftm.errors).toEqual([]);
    expect(ftm.schemata).toMatchObject({ Person: stats.nodes.Person, Occupancy: stats.nodes.Role, Document: stats.nodes.Document, Event: stats.nodes.Event, Contract: stats.nodes.Agreement });
    expect(ftm.schemata.Organization + ftm.schemata.PublicBody).toBe(stats.nodes.Organization);
    expect(ftm.schemata.PublicBody).toBeGreaterThan(0); // 井冈山市人民政府, 科学技术部…
  });

  it('around one entity: a smaller graph, still whole for NetworkX and valid for followthemoney', async () => {
    const { stdout } = await tupu('search', '李健文', '--json');
    const id = JSON.parse(stdout).hits[0].id;
    const graph = await readExport('graphml', await exported('graphml', '--around', id, '--hops', '2'));
    expect(graph.nodes).toBeGreaterThan(3);
    expect(graph.nodes).toBeLessThan(sum(stats.nodes));
    expect((await readExport('ftm', await exported('ftm', '--around', id, '--hops', '2'))).errors).toEqual([]);
  });
});
