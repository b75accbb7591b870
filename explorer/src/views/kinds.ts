import { entityLink, h, section } from '../dom.js';
import type { EntityData, Ref } from '../types.js';
import { documentText } from './document.js';
import { evidenceList } from './evidence.js';
import { PARTICIPATION_LABELS } from './labels.js';

/** The sections of an entity page, one function per kind, each reading the fields queries.ts asks for. */
export const KIND_SECTIONS: Record<string, (entity: EntityData) => (HTMLElement | null)[]> = {
  Person: (p) => [
    section('职务 Roles', p.roles.map((r: any) => h('div', {}, h('strong', {}, r.title), ' · ', entityLink(r.organization), evidenceList(r.evidence)))),
    participationsByEvent(p.participations),
    section('撰写 Wrote', p.authored.map(entityLink)),
    section('摄影 Photographed', p.photographed.map(entityLink)),
  ],
  Organization: (o) => [
    section('上级 Part of', [o.parent && entityLink(o.parent)]),
    section('下属单位 Units', o.units.map(entityLink)),
    section('职务 Titles held here', o.roles.map((r: any) => h('div', {}, h('strong', {}, r.title), ' · ', entityLink(r.person), evidenceList(r.evidence)))),
    participationsByEvent(o.participations),
    section('协议 Agreements', o.agreements.map((a: any) => h('span', {}, entityLink(a), a.signedOn ? ` (${a.signedOn})` : ''))),
  ],
  Event: (e) => [
    h('p', { class: 'facts-line' }, dates(e.startDate, e.endDate), e.place && ' · ', e.place && entityLink(e.place)),
    section('属于 Part of', [e.partOf && entityLink(e.partOf), e.followsUp && h('span', {}, '后续于 follows up ', entityLink(e.followsUp))]),
    section('组成部分 Parts and follow-ups', [...e.parts.map(entityLink), ...e.followUps.map(entityLink)]),
    ...participantsByKind(e.participations),
    section('数据 Figures', e.facts.map((f: any) => h('div', {}, h('strong', {}, f.label), ` ${f.value}${f.unit ?? ''}`, evidenceList(f.evidence)))),
    section('协议 Agreements', e.agreements.map((a: any) => h('span', {}, entityLink(a), ' — ', ...parties(a.parties)))),
  ],
  Agreement: (a) => [
    h('p', { class: 'facts-line' }, `签署 signed: ${a.signedOn ?? '日期不详 date unknown'}`, a.event && ' · ', a.event && entityLink(a.event)),
    section('签约方 Parties', a.parties.map(entityLink)),
    section('证据 Evidence', [evidenceList(a.evidence)]),
  ],
  Place: (p) => [section('上级 Part of', [p.parent && entityLink(p.parent)]), section('事件 Events', p.events.map(entityLink))],
  Document: (d) => [
    h('p', { class: 'facts-line' }, [d.publishedAt, d.section, d.url && h('a', { href: d.url, rel: 'noreferrer' }, d.url)].filter(Boolean).join(' · ')),
    section('发布 Publisher', [d.publisher && entityLink(d.publisher)]),
    section('作者 Authors and photographers', [...d.authors.map(entityLink), ...d.photographers.map(entityLink)]),
    documentText(d),
  ],
};

const dates = (start: string | null, end: string | null) => (start === end || !end ? (start ?? '日期不详 date unknown') : `${start} – ${end}`);

const parties = (list: Ref[]) => list.flatMap((p, i) => (i ? ['、', entityLink(p)] : [entityLink(p)]));

function participationsByEvent(participations: any[]): HTMLElement | null {
  return section('参与 Took part in', participations.map((p) => h('div', {}, entityLink(p.event), ` · ${PARTICIPATION_LABELS[p.kind] ?? p.kind}`, evidenceList(p.evidence))));
}

/** An event's participants in one section per kind, in the model's order (hosts first, attendees last). */
function participantsByKind(participations: any[]): (HTMLElement | null)[] {
  return Object.entries(PARTICIPATION_LABELS).map(([kind, label]) =>
    section(label, participations.filter((p) => p.kind === kind).map((p) => h('div', {}, entityLink(p.participant), evidenceList(p.evidence)))),
  );
}
