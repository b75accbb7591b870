/** Participation kinds as the page names them, in the order an event's page lists them. */
export const PARTICIPATION_LABELS: Record<string, string> = {
  HOST: '主办 Hosts',
  ORGANIZER: '承办 Organizers',
  LEAD: '领队单位 Lead units',
  SUPPORTER: '支持 Supporters',
  MEMBER: '成员单位 Member units',
  CHAIR: '主持 Chairs',
  SPEAKER: '发言 Speakers',
  ATTENDEE: '参加 Attendees',
  AWARD_PRESENTER: '颁奖 Award presenters',
  AWARD_RECIPIENT: '获奖 Award recipients',
};
