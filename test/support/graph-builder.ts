import { edgeId, nodeId } from '../../src/model/ids.js';
import type { EdgeRecord, GraphChanges, NodeLabel, NodeRecord, ParticipationKind, RelType } from '../../src/model/index.js';

/** Small hand-made graphs for the contract suites: ids derived exactly as ingest derives them. */
export function node(label: NodeLabel, name: string, extra: Partial<NodeRecord> = {}): NodeRecord {
  return { id: nodeId(label, name), label, name, aliases: [], sources: ['doc_test'], evidence: [], ...extra };
}

export function edge(type: RelType, from: NodeRecord, to: NodeRecord, kind: ParticipationKind | null = null): EdgeRecord {
  return {
    id: edgeId(type, from.id, to.id, kind),
    type,
    from: from.id,
    to: to.id,
    kind,
    sources: ['doc_test'],
    evidence: [{ document: 'doc_test', quote: `${from.name}${to.name}`, offset: null }],
  };
}

/** A small newsroom: two organizations with a unit, three people with roles, two events, one agreement. */
export function sampleGraph() {
  const bjp = node('Organization', '北京天文馆', { aliases: ['天文馆'] });
  const unit = node('Organization', '北京天文馆科普教育部');
  const most = node('Organization', '科学技术部', { aliases: ['科技部'] });
  const li = node('Person', '李健文', { aliases: ['李建文'] });
  const qi = node('Person', '齐锐');
  const yang = node('Person', '杨斌');
  const secretary = node('Role', '李健文党委书记', { title: '党委书记' });
  const deputy = node('Role', '齐锐副馆长', { title: '副馆长' });
  const director = node('Role', '杨斌主任', { title: '主任' });
  const activity = node('Event', '进井冈山活动', { startDate: '2020-11-07', endDate: '2020-11-09' });
  const meeting = node('Event', '活动总结会', { startDate: '2020-11-24', endDate: '2020-11-24' });
  const undated = node('Event', '无日期活动');
  const deal = node('Agreement', '合作意向', { title: '合作意向' });
  const nodes = { bjp, unit, most, li, qi, yang, secretary, deputy, director, activity, meeting, undated, deal };
  const edges = [
    edge('HOLDS', li, secretary),
    edge('IN', secretary, bjp),
    edge('HOLDS', qi, deputy),
    edge('IN', deputy, bjp),
    edge('HOLDS', yang, director),
    edge('IN', director, unit),
    edge('PART_OF', unit, bjp),
    edge('TOOK_PART', most, activity, 'HOST'),
    edge('TOOK_PART', bjp, activity, 'LEAD'),
    edge('TOOK_PART', li, meeting, 'CHAIR'),
    edge('TOOK_PART', li, meeting, 'SPEAKER'),
    edge('TOOK_PART', qi, meeting, 'SPEAKER'),
    edge('FOLLOWS_UP', meeting, activity),
    edge('PARTY_TO', bjp, deal),
    edge('SIGNED_AT', deal, activity),
  ];
  const changes: GraphChanges = { nodes: Object.values(nodes), edges };
  return { ...nodes, changes };
}
