/**
 * Small pure formatting helpers for the views (panel, popup, dashboard). Everything takes the locale
 * explicitly and, where "now" matters, a `now` argument, so the results are testable in Node.
 */
import type { Locale } from './i18n';

const DAY_MS = 86_400_000;

/**
 * Building an Intl formatter costs far more than using one, and a timeline formats dozens of dates and
 * amounts: each formatter is made once per locale and named style (a name, not an options object, is the
 * cheap key for a render that formats a hundred dates).
 */
const NUMBER_STYLES = {
  yuan: { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 },
  plain: { maximumFractionDigits: 2 },
  percent: { style: 'percent', maximumFractionDigits: 0 },
} satisfies Record<string, Intl.NumberFormatOptions>;
const DATE_STYLES = {
  monthDay: { month: 'short', day: 'numeric' },
  full: { year: 'numeric', month: 'short', day: 'numeric' },
  time12: { hour: 'numeric', minute: '2-digit' },
  time24: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
/** `numeric: 'auto'` says "today" and "yesterday" rather than "in 0 days" and "1 day ago". */
const RELATIVE_STYLES = { words: { numeric: 'auto' } } satisfies Record<string, Intl.RelativeTimeFormatOptions>;

function memoised<Style extends string, F>(make: (locale: string, style: Style) => F): (locale: string, style: Style) => F {
  const made = new Map<string, F>();
  return (locale, style) => {
    const key = `${locale}|${style}`;
    let f = made.get(key);
    if (!f) made.set(key, (f = make(locale, style)));
    return f;
  };
}
const nf = memoised((locale, style: keyof typeof NUMBER_STYLES) => new Intl.NumberFormat(locale, NUMBER_STYLES[style]));
const dtf = memoised((locale, style: keyof typeof DATE_STYLES) => new Intl.DateTimeFormat(locale, DATE_STYLES[style]));
const rtf = memoised((locale, style: keyof typeof RELATIVE_STYLES) => new Intl.RelativeTimeFormat(locale, RELATIVE_STYLES[style]));

/** Amount in yuan: `¥1,234.50` (negative for returns: `-¥30.00`). */
export function formatYuan(amount: number, locale: Locale): string {
  return nf(locale, 'yuan').format(amount);
}

/** A plain quantity: `1,200`, `2.5`. */
export function formatNumber(value: number, locale: Locale): string {
  return nf(locale, 'plain').format(value);
}

/** A 0–1 confidence as a whole percentage: `87%`. */
export function formatPercent(ratio: number, locale: Locale): string {
  return nf(locale, 'percent').format(ratio);
}

/** Mainland mobile in the 3-4-4 groups people read aloud: `138 0013 8000`. Anything else is returned as is. */
export function formatMobile(value: string): string {
  const digits = value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1[3-9]\d{9}$)/, '');
  if (!/^1[3-9]\d{9}$/.test(digits)) return value;
  return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}

/** Local midnight of a timestamp's day, as a day number that is safe to subtract across DST changes. */
function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** Parse `YYYY-MM-DD` into a local date; `--MM-DD` (year unknown) and garbage give undefined. */
export function parseCalendarDate(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d : undefined;
}

/**
 * Whole days a due date is past, counted in the manager's local calendar: 0 when due today, negative
 * when still ahead (-2 = due in two days), undefined for yearless or unreadable dates.
 */
export function daysOverdue(due: string, now: number | Date = Date.now()): number | undefined {
  const d = parseCalendarDate(due);
  if (!d) return undefined;
  return dayNumber(new Date(now)) - dayNumber(d);
}

/** Full date: `2025年3月4日` / `Mar 4, 2025`. Accepts a timestamp or a calendar date (`--MM-DD` drops the year). */
export function formatDate(value: number | string, locale: Locale): string {
  if (typeof value === 'string') {
    const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
    if (yearless) {
      const d = new Date(2000, Number(yearless[1]) - 1, Number(yearless[2]));
      return dtf(locale, 'monthDay').format(d);
    }
    const d = parseCalendarDate(value);
    if (!d) return value;
    return dtf(locale, 'full').format(d);
  }
  return dtf(locale, 'full').format(value);
}

/** Short date: the year only when it is not the current one. `3月4日` / `Mar 4` / `2024年3月4日`. */
export function formatShortDate(value: number | string, locale: Locale, now: number | Date = Date.now()): string {
  const d = typeof value === 'number' ? new Date(value) : parseCalendarDate(value);
  if (!d) return formatDate(value, locale);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return dtf(locale, sameYear ? 'monthDay' : 'full').format(d);
}

/** Time of day: `14:05` / `2:05 PM`. */
export function formatTime(value: number, locale: Locale): string {
  return dtf(locale, locale === 'en' ? 'time12' : 'time24').format(value);
}

/**
 * When something happened, as a manager says it: today and yesterday with the time (`今天 14:05`,
 * `yesterday 2:05 PM`), the last week as `3天前` / `3 days ago`, older ones as a short date.
 */
export function formatWhen(at: number, locale: Locale, now: number | Date = Date.now()): string {
  const days = dayNumber(new Date(now)) - dayNumber(new Date(at));
  const relative = rtf(locale, 'words');
  if (days === 0 || days === 1) {
    const word = relative.format(-days, 'day');
    return `${word} ${formatTime(at, locale)}`;
  }
  if (days > 1 && days < 7) return relative.format(-days, 'day');
  return formatShortDate(at, locale, now);
}
