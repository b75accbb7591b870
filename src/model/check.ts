/** Thrown at module load when the model definition contradicts itself; `path` locates the problem. */
export class ModelError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`model definition, at ${path}: ${message}`);
    this.name = 'ModelError';
  }
}

interface DefinitionShape {
  entities: Record<string, { type: string; idPrefix: string }>;
  nodes: Record<string, { idPrefix: string }>;
  relationships: Record<string, { from: readonly string[]; to: readonly string[] }>;
  participationKinds: Record<string, string>;
  provenance: readonly string[];
}

/** Validates the model once, so a bad model stops start-up instead of failing at the first query. */
export function checkModel(def: DefinitionShape): void {
  const labels = new Set([...Object.keys(def.entities), ...Object.keys(def.nodes)]);
  const prefixes = new Map<string, string>();
  for (const [label, spec] of [...Object.entries(def.entities), ...Object.entries(def.nodes)]) {
    if (!/^[A-Z][A-Za-z]+$/.test(label)) throw new ModelError(label, 'labels are PascalCase words');
    if (!/^[a-z]+$/.test(spec.idPrefix)) throw new ModelError(`${label}.idPrefix`, 'must be lowercase letters');
    const other = prefixes.get(spec.idPrefix);
    if (other) throw new ModelError(`${label}.idPrefix`, `"${spec.idPrefix}" is already used by ${other}`);
    prefixes.set(spec.idPrefix, label);
  }
  const types = new Set<string>();
  for (const [label, spec] of Object.entries(def.entities)) {
    if (types.has(spec.type)) throw new ModelError(`${label}.type`, `duplicate entity type ${spec.type}`);
    types.add(spec.type);
  }
  for (const [rel, spec] of Object.entries(def.relationships)) {
    if (!/^[A-Z_]+$/.test(rel)) throw new ModelError(rel, 'relationship types are UPPER_SNAKE_CASE');
    for (const end of ['from', 'to'] as const) {
      spec[end].forEach((label, i) => {
        if (!labels.has(label)) throw new ModelError(`${rel}.${end}[${i}]`, `unknown label ${label}`);
      });
    }
  }
  def.provenance.forEach((type, i) => {
    if (!(type in def.relationships)) throw new ModelError(`provenance[${i}]`, `unknown relationship type ${type}`);
  });
  for (const kind of Object.keys(def.participationKinds)) {
    if (!/^[A-Z_]+$/.test(kind)) throw new ModelError(`participationKinds.${kind}`, 'kinds are UPPER_SNAKE_CASE');
  }
}
