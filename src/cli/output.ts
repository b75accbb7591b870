import Table from 'cli-table3';
import type { SearchResults } from '../search/port.js';

/** Highlights as terminal bold when printing to a terminal, as 【…】 otherwise. */
function marks(highlight: string, tty: boolean): string {
  return tty ? highlight.replace(/<em>/g, '\u001b[1;33m').replace(/<\/em>/g, '\u001b[0m') : highlight.replace(/<em>/g, '【').replace(/<\/em>/g, '】');
}

export function searchTable(results: SearchResults, names: Map<string, string>, tty: boolean): string {
  const table = new Table({ head: ['type', 'name', 'what', 'score', 'id'], style: { head: tty ? ['cyan'] : [], border: tty ? ['grey'] : [] } });
  for (const hit of results.hits) {
    const name = names.get(hit.id) ?? '';
    const matched = marks(hit.highlight ?? name, tty);
    const shown = hit.highlight?.replace(/<\/?em>/g, '') === name ? matched : `${name}（${matched}）`;
    table.push([hit.type, shown, hit.description ?? '', hit.score.toFixed(2), hit.id]);
  }
  return `${table.toString()}\n${results.hits.length} of ${results.totalIsExact ? '' : 'at least '}${results.total} hits`;
}
