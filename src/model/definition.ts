/**
 * The one definition of tupu's graph model, declared as data (in the manner of FollowTheMoney's schema
 * files). GraphQL enums, Neo4j labels and constraints, search documents and facts validation are all
 * derived from this object; nothing else spells out a label or a relationship type.
 */
export const definition = {
  /** Node labels that are entities: searchable, named, with aliases and sources. */
  entities: {
    Person: { type: 'PERSON', idPrefix: 'person', label: '人物' },
    Organization: { type: 'ORGANIZATION', idPrefix: 'org', label: '机构' },
    Event: { type: 'EVENT', idPrefix: 'event', label: '事件' },
    Agreement: { type: 'AGREEMENT', idPrefix: 'agreement', label: '协议' },
    Place: { type: 'PLACE', idPrefix: 'place', label: '地点' },
    Document: { type: 'DOCUMENT', idPrefix: 'doc', label: '文档' },
  },
  /** Node labels that are not entities: a role is a title held by one person in one organization. */
  nodes: {
    Role: { idPrefix: 'role' },
  },
  /** Relationship types with the labels they may join. `label` is the human reading used in edges. */
  relationships: {
    HOLDS: { from: ['Person'], to: ['Role'], label: '担任' },
    IN: { from: ['Role'], to: ['Organization'], label: '任职于' },
    PART_OF: { from: ['Organization', 'Event', 'Place'], to: ['Organization', 'Event', 'Place'], label: '隶属于' },
    TOOK_PART: { from: ['Person', 'Organization'], to: ['Event'], label: '参与' },
    FOLLOWS_UP: { from: ['Event'], to: ['Event'], label: '后续' },
    HELD_AT: { from: ['Event'], to: ['Place'], label: '举办于' },
    PARTY_TO: { from: ['Organization'], to: ['Agreement'], label: '签约方' },
    SIGNED_AT: { from: ['Agreement'], to: ['Event'], label: '签署于' },
    MENTIONS: {
      from: ['Document'],
      to: ['Person', 'Organization', 'Event', 'Agreement', 'Place'],
      label: '提及',
    },
    AUTHORED: { from: ['Person'], to: ['Document'], label: '撰写' },
    PHOTOGRAPHED: { from: ['Person'], to: ['Document'], label: '摄影' },
    PUBLISHED: { from: ['Organization'], to: ['Document'], label: '发布' },
  },
  /**
   * Relationships that say where a fact was read rather than how the world is connected. Paths and
   * neighbourhoods leave them out unless asked: every entity of an article is two hops apart through it.
   */
  provenance: ['MENTIONS', 'AUTHORED', 'PHOTOGRAPHED', 'PUBLISHED'],
  /** The capacities in which a person or an organization takes part in an event. */
  participationKinds: {
    HOST: '主办',
    ORGANIZER: '承办',
    LEAD: '领队单位',
    SUPPORTER: '支持',
    MEMBER: '成员单位',
    CHAIR: '主持',
    SPEAKER: '发言',
    ATTENDEE: '参加',
    AWARD_PRESENTER: '颁奖',
    AWARD_RECIPIENT: '获奖',
  },
} as const;
