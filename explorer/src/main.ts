import './style.css';
import { entityLink, h, message, replace } from './dom.js';
import { searchBox } from './search-box.js';
import { entityView } from './views/entity.js';
import { graphView } from './views/graph.js';
import { pathView } from './views/path.js';

/**
 * The explorer: every view has its own URL (`#/search?q=…`, `#/entity/ID`, `#/graph/ID`, `#/path?from=…&to=…`),
 * so a journalist can send what they see as a link. Routing lives in the fragment so that the server serves
 * one page at `/` and the API stays the only way to the data.
 */
const main = document.querySelector<HTMLElement>('#main')!;

type View = (main: HTMLElement, match: RegExpExecArray, params: URLSearchParams) => Promise<void> | void;

const ROUTES: [RegExp, View][] = [
  [/^\/entity\/([^/]+)$/, (m, match, params) => entityView(m, decodeURIComponent(match[1]!), params)],
  [/^\/graph\/([^/]+)$/, (m, match, params) => graphView(m, decodeURIComponent(match[1]!), params)],
  [/^\/path$/, (m, _match, params) => pathView(m, params)],
  [/^\/(search)?$/, (m, _match, params) => searchView(m, params.get('q') ?? '')],
];

function searchView(container: HTMLElement, initial: string) {
  replace(container,
    h('h1', {}, '搜索人物、机构、事件 Search people, organizations, events'),
    searchBox({
      label: '名称、别名、拼音或繁体 Name, alias, pinyin or traditional script',
      initial,
      action: (hit) => entityLink(hit.entity),
      // The query goes into the URL without a new history entry per keystroke.
      onQuery: (query) => history.replaceState(null, '', query ? `#/search?q=${encodeURIComponent(query)}` : '#/'),
    }),
  );
  container.querySelector('input')?.focus();
}

async function route() {
  const [path = '/', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  for (const [pattern, view] of ROUTES) {
    const match = pattern.exec(path || '/');
    if (!match) continue;
    try {
      await view(main, match, params);
      announce();
    } catch (error) {
      replace(main, message(`出错了 something went wrong: ${(error as Error).message}`, 'alert'));
    }
    return;
  }
  replace(main, message(`没有这个页面 no view at ${path}`, 'alert'));
}

/**
 * After a view changes, the tab's title names it (for history and bookmarks) and, but on the search page
 * whose field keeps the focus, its heading takes the focus so a screen reader reads where the user now is.
 */
function announce() {
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} — tupu 图谱`;
  if (!heading || main.contains(document.activeElement)) return;
  heading.tabIndex = -1;
  heading.focus();
}

window.addEventListener('hashchange', () => void route());
void route();
