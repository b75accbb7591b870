/**
 * Name endings that make an organization a public body (FtM `PublicBody`): governments, ministries,
 * bureaus, commissions, courts. Kept as data so that a newsroom can extend it without touching the mapping.
 */
export const PUBLIC_BODY_ENDINGS = ['人民政府', '政府', '部', '局', '厅', '委员会', '办公室', '办公厅', '人大常委会', '政协', '法院', '检察院', '党委', '市委', '省委', '县委'];

export function isPublicBody(name: string): boolean {
  return PUBLIC_BODY_ENDINGS.some((ending) => name.endsWith(ending));
}
