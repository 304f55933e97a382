import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

/**
 * Calendar dates (YYYY-MM-DD, or --MM-DD when the year is unknown) in the manager's local time zone.
 * date-fns does the calendar arithmetic (month lengths, leap years, DST-safe day steps).
 */
export type Ymd = string;

export const toYmd = (d: Date | number): Ymd => format(d, 'yyyy-MM-dd');

/** Local midnight of a YYYY-MM-DD date; undefined for anything else. */
export function fromYmd(ymd: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return undefined;
  const d = parse(ymd, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) ? d : undefined;
}

export const addDaysYmd = (ymd: Ymd, days: number): Ymd => toYmd(addDays(fromYmd(ymd)!, days));

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Ymd, to: Ymd): number => differenceInCalendarDays(fromYmd(to)!, fromYmd(from)!);

/**
 * The next date on or after `from` on which a yearly date (birthday, anniversary; with or without a year)
 * falls. 29 February falls on 28 February in other years, which is when people are greeted.
 */
export function nextYearly(date: string, from: Ymd): Ymd | undefined {
  const m = /^(?:\d{4}|-)-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  const start = fromYmd(from)!;
  for (const year of [start.getFullYear(), start.getFullYear() + 1]) {
    const last = new Date(year, month, 0).getDate();
    const candidate = new Date(year, month - 1, Math.min(day, last));
    if (differenceInCalendarDays(candidate, start) >= 0) return toYmd(candidate);
  }
  return undefined;
}
