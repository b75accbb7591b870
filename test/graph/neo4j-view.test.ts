import { describe, expect, it } from 'vitest';
import { buildView, viewParameters, viewStatement } from '../../src/graph/neo4j/view.js';
import { PARTICIPANTS_VIEW } from '../support/views.js';

describe('a view as one Cypher statement', () => {
  it('matches typed, directed relationships and reads only the selected properties', () => {
    const { text } = buildView(PARTICIPANTS_VIEW);
    expect(text).toContain('MATCH (n0:Event {id: id})');
    expect(text).toContain('MATCH (n0)<-[r1:TOOK_PART]-(n1)');
    expect(text).toContain('MATCH (n1)-[r2:HOLDS]->(n2:Role)');
    expect(text).toContain('r1 {.kind}');
    expect(text.match(/\.\w+/g)!.filter((p) => !['.id', '.kind'].includes(p)).sort()).toEqual(['.name', '.name', '.title']);
    expect(text).not.toMatch(/properties\(|evidence|sources/);
  });

  it('passes arguments as parameters, resolved against each request’s variables', () => {
    const statement = buildView(PARTICIPANTS_VIEW);
    expect(statement.text).toContain('WHERE $a0 IS NULL OR r1.kind = $a0');
    expect(viewParameters(statement, { kind: 'CHAIR' })).toEqual({ a0: 'CHAIR' });
    expect(viewParameters(statement, {})).toEqual({ a0: null });
    expect(viewParameters(buildView({ ...PARTICIPANTS_VIEW, hops: [{ ...PARTICIPANTS_VIEW.hops[0]!, kind: { value: 'HOST' } }] }), {})).toEqual({ a0: 'HOST' });
  });

  it('splices in only names from the model and the stored properties', () => {
    expect(() => buildView({ properties: ['name} RETURN 1 //' as never], hops: [] })).toThrow(/not a stored property/);
    expect(() => buildView({ properties: [], hops: [{ type: 'KNOWS]-() DETACH DELETE n //' as never, direction: 'out', edge: [], node: { properties: [], hops: [] } }] })).toThrow(/not a model relationship type/);
    expect(() => buildView({ label: 'Person:Admin' as never, properties: [], hops: [] })).toThrow(/not a model label/);
  });

  it('builds each tree once', () => {
    expect(viewStatement(PARTICIPANTS_VIEW)).toBe(viewStatement(PARTICIPANTS_VIEW));
  });
});
