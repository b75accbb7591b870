import type { NodeSelection } from '../../src/graph/view.js';

/** An event's participants of the kind in `$kind` (all when null), with their roles' titles: a view tree
 * as src/api/selection.ts plans it, for the tests of the stores and of the Cypher builder. */
export const PARTICIPANTS_VIEW: NodeSelection = {
  label: 'Event',
  properties: ['name'],
  hops: [
    {
      type: 'TOOK_PART',
      direction: 'in',
      kind: { variable: 'kind' },
      edge: ['kind'],
      node: { properties: ['name'], hops: [{ type: 'HOLDS', direction: 'out', edge: [], node: { label: 'Role', properties: ['title'], hops: [] } }] },
    },
  ],
};
