import { daysBetween, nextYearly, type Ymd } from '../../dates';
import type { Locale } from '../../i18n';
import { both, day, days, makePoint, quote } from '../text';
import type { TalkingRule } from '../types';

/** From today (0) to this many days ahead, inclusive. */
export const DATE_WINDOW_DAYS = 7;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** `今天` / `明天` / `3 天后（11月27日）`; `today` / `tomorrow` / `in 3 days (Nov 27)`. */
function whenWord(ahead: number, on: Ymd, l: Locale, now: number): string {
  if (l === 'en') return ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : `in ${days(ahead, l)} (${day(on, l, now)})`;
  return ahead === 0 ? '今天' : ahead === 1 ? '明天' : `${days(ahead, l)}后（${day(on, l, now)}）`;
}

/**
 * The customer's birthday or an important date (开业纪念日 …) today or within the next 7 days: a
 * greeting is the easiest warm call there is (domain.md §6). Yearly dates come from lib/dates
 * nextYearly, which takes yearless `--MM-DD` dates and moves 29 February to the 28th in other years.
 */
export const dateSoon: TalkingRule = {
  id: 'date-soon',
  priority: 70,
  evaluate(ctx, p) {
    const { customer } = ctx;
    const dates: { label?: string; date: string }[] = [
      ...(customer.birthday ? [{ date: customer.birthday }] : []),
      ...(customer.importantDates ?? []),
    ];
    return dates.flatMap(({ label, date }) => {
      const on = nextYearly(date, p.today);
      if (!on) return [];
      const ahead = daysBetween(p.today, on);
      if (ahead > DATE_WINDOW_DAYS) return [];
      const moved = date.endsWith('-02-29') && on.endsWith('-02-28');
      const years = /^\d{4}-/.test(date) ? Number(on.slice(0, 4)) - Number(date.slice(0, 4)) : 0;
      const who = (l: Locale) => customer.owner ?? (l === 'en' ? 'the customer' : '客户');
      return [
        makePoint(dateSoon, `${label ?? 'birthday'}:${on}`, {
          tone: 'care',
          // Sooner first: today +0.7, in 7 days +0.
          bonus: (DATE_WINDOW_DAYS - ahead) / 10,
          data: { date: on },
          text: both((l) => {
            const when = whenWord(ahead, on, l, ctx.now);
            if (label === undefined) {
              if (l === 'en') return ahead === 0 ? `It's ${who(l)}'s birthday today: send your best wishes` : `${capital(who(l))}'s birthday is ${when}: plan a greeting`;
              return ahead === 0 ? `今天是${who(l)}的生日，送上祝福` : `${when}是${who(l)}的生日，记得送上祝福`;
            }
            const anniversary = years >= 1 ? (l === 'en' ? ` (${ordinal(years)} anniversary)` : `（${years} 周年）`) : '';
            if (l === 'en') return `${quote(label, l)}${anniversary} is ${when}: congratulate them`;
            return `${when}是${quote(label, l)}${anniversary}，记得表示祝贺`;
          }),
          because: both((l) => {
            const field = label === undefined ? (l === 'en' ? 'birthday' : '生日') : quote(label, l);
            const recorded = day(date, l, ctx.now);
            if (l === 'en') return `Profile: ${field} ${recorded}${moved ? `; falls on ${day(on, l, ctx.now)} this year (no 29 Feb)` : ''}`;
            return `档案：${field} ${recorded}${moved ? `；今年没有 2月29日，按 ${day(on, l, ctx.now)}` : ''}`;
          }),
        }),
      ];
    });
  },
};
