/** Builds DOM elements from data: text always goes in as text, never as markup. */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat()) if (child) element.append(child);
  return element;
}

/** A link to another view of the explorer. */
export const link = (route: string, text: string) => h('a', { href: `#${route}` }, text);

export const entityLink = (entity: { id: string; name: string }) => link(`/entity/${encodeURIComponent(entity.id)}`, entity.name);

/**
 * The search highlight as elements: the API marks matched characters with <em>…</em> and escapes nothing
 * else, so the string is split on those two tags only and every piece becomes text.
 */
export function highlighted(text: string): Node[] {
  return text.split(/(<em>.*?<\/em>)/).filter(Boolean).map((piece) => {
    const match = /^<em>(.*)<\/em>$/.exec(piece);
    return match ? h('mark', {}, match[1]) : document.createTextNode(piece);
  });
}

/** A titled section, labelled for screen readers by its heading; nothing when it would be empty. */
export function section(title: string, items: Child[]): HTMLElement | null {
  const present = items.filter(Boolean);
  if (!present.length) return null;
  const id = `s-${title.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2, 7)}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), h('ul', {}, present.map((item) => h('li', {}, item))));
}

export function replace(container: Element, ...children: Child[]) {
  container.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

export const message = (text: string, role: 'status' | 'alert' = 'status') => h('p', { role, class: role }, text);
