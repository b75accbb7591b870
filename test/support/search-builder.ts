import { nodeId } from '../../src/model/ids.js';
import type { SearchDocument } from '../../src/search/port.js';

type Kind = SearchDocument['type'];
const LABEL = { PERSON: 'Person', ORGANIZATION: 'Organization', EVENT: 'Event', AGREEMENT: 'Agreement', PLACE: 'Place', DOCUMENT: 'Document' } as const;

/** A search document as documents.ts would build it, for engine-level tests. */
export function searchDoc(type: Kind, name: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: nodeId(LABEL[type], name),
    type,
    name,
    aliases: [],
    titles: [],
    organizations: [],
    organizationIds: [],
    description: '',
    date: null,
    sources: ['doc_test'],
    weight: 1,
    ...extra,
  };
}

/** People, organizations with units and an event, with the traps a journalist's search falls into. */
export function sampleSearchDocuments(): SearchDocument[] {
  return [
    searchDoc('PERSON', '李健文', { aliases: ['李建文'], titles: ['党委书记', '副馆长'], organizations: ['北京天文馆'] }),
    searchDoc('PERSON', '庄嘉', { titles: ['副主任'], organizations: ['中国科学技术交流中心'] }),
    searchDoc('PERSON', '刘明星', { titles: ['部长'], organizations: ['中国园林博物馆宣传教育部'] }),
    searchDoc('PERSON', '刘润达', { titles: ['副处长'], organizations: ['中国科学技术交流中心科普处'] }),
    searchDoc('PERSON', '齐锐', { titles: ['副馆长'], organizations: ['北京天文馆'] }),
    searchDoc('ORGANIZATION', '北京天文馆'),
    searchDoc('ORGANIZATION', '科学技术部', { aliases: ['科技部'] }),
    searchDoc('ORGANIZATION', '中国园林博物馆宣传教育部', { organizations: ['中国园林博物馆'] }),
    searchDoc('ORGANIZATION', '首都医科大学附属北京同仁医院'),
    searchDoc('ORGANIZATION', '中国科学技术交流中心'),
    searchDoc('EVENT', '流动科技馆进井冈山活动总结会', { date: '2020-11-24' }),
  ];
}
