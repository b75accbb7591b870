/** An ISO calendar date, YYYY-MM-DD, checked to exist (no 2020-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether [start, end] overlaps [from, to]; open bounds (null) extend forever. */
export function overlaps(
  start: string | null | undefined,
  end: string | null | undefined,
  from: string | null | undefined,
  to: string | null | undefined,
): boolean {
  const s = start ?? end;
  const e = end ?? start;
  if (!s || !e) return !from && !to;
  return (!to || s <= to) && (!from || e >= from);
}
