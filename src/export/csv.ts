import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { ZipFile } from 'yazl';
import type { Subgraph } from '../graph/port.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from './attributes.js';

/**
 * The two files of `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`,
 * zipped: headers in its format (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:string[]` for
 * lists), lists joined by its default array delimiter `;`.
 */
export const ARRAY_DELIMITER = ';';

export const NODE_ID_HEADER = 'id:ID';
export const EDGE_KEY_HEADERS = [':START_ID', ':END_ID', ':TYPE'];

export function writeCsvZip(subgraph: Subgraph): NodeJS.ReadableStream {
  const zip = new ZipFile();
  const nodeColumns = NODE_COLUMNS.filter((c) => c.name !== 'kind');
  zip.addReadStream(
    table([NODE_ID_HEADER, ':LABEL', ...headers(nodeColumns, subgraph.nodes)], subgraph.nodes.map((n) => [n.id, n.label, ...cells(nodeColumns, n)])),
    'nodes.csv',
  );
  const edgeColumns = [{ name: 'id', read: (e) => e.id }, ...EDGE_COLUMNS.filter((c) => c.name !== 'type')] satisfies typeof EDGE_COLUMNS;
  zip.addReadStream(
    table([...EDGE_KEY_HEADERS, ...headers(edgeColumns, subgraph.edges)], subgraph.edges.map((e) => [e.from, e.to, e.type, ...cells(edgeColumns, e)])),
    'relationships.csv',
  );
  zip.end();
  return zip.outputStream;
}

function table(header: string[], rows: (string | null)[][]): Readable {
  const stringifier = stringify({ header: false });
  stringifier.write(header);
  for (const row of rows) stringifier.write(row);
  stringifier.end();
  return stringifier;
}

/** A column is a list (`name:string[]`) when any record gives it a list; neo4j-admin then splits on `;`. */
function headers<R>(columns: Column<R>[], records: R[]): string[] {
  return columns.map(({ name, read }) => (isList(read, records) ? `${name}:string[]` : name));
}

const isList = <R>(read: Column<R>['read'], records: R[]) => records.some((r) => Array.isArray(read(r)));

function cells<R>(columns: Column<R>[], record: R): (string | null)[] {
  return columns.map(({ read }) => {
    const value = read(record);
    // A `;` inside one element would split it in two on import: the full-width ；reads the same in Chinese.
    if (Array.isArray(value)) return value.map((v) => v.replaceAll(ARRAY_DELIMITER, '；')).join(ARRAY_DELIMITER);
    return value ?? null;
  });
}
