import { definition, labelOfId, type GraphChanges, type RelType } from '../model/index.js';
import { GraphStoreError } from './errors.js';

/** The one relationship type whose edges carry a participation kind. */
export const KINDED_TYPE: RelType = 'TOOK_PART';

/**
 * Checks what the model can check without the store: every id belongs to its label, every edge joins
 * labels its type allows, participation edges carry a kind. Both adapters call it before writing.
 */
export function checkChanges(changes: GraphChanges): void {
  for (const node of changes.nodes) {
    if (labelOfId(node.id) !== node.label) throw new GraphStoreError(`node ${node.id}: id is not a ${node.label} id`);
  }
  for (const edge of changes.edges) {
    const spec = definition.relationships[edge.type];
    const [from, to] = [labelOfId(edge.from), labelOfId(edge.to)];
    if (!from || !(spec.from as readonly string[]).includes(from) || !to || !(spec.to as readonly string[]).includes(to)) {
      throw new GraphStoreError(`edge ${edge.type} ${edge.from} → ${edge.to}: not allowed by the model`);
    }
    if ((edge.type === KINDED_TYPE) !== (edge.kind !== null)) {
      throw new GraphStoreError(`edge ${edge.type} ${edge.from} → ${edge.to}: kind belongs to ${KINDED_TYPE} only`);
    }
  }
}
