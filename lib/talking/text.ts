/** Small wording helpers shared by the rule files: both locales from one function, dates, yuan, lists. */
import { formatShortDate } from '../format';
import type { Locale } from '../i18n';
import type { LocalizedText, TalkingPoint, TalkingRule } from './types';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** One wording function, called for each locale. */
export const both = (f: (l: Locale) => string): LocalizedText => ({ 'zh-CN': f('zh-CN'), en: f('en') });

/** `11月20日` / `Nov 20`, with the year when it is not this year's. Timestamps or calendar dates. */
export const day = (value: number | string, l: Locale, now: number): string => formatShortDate(value, l, now);

const yuanFormats = new Map<Locale, Intl.NumberFormat>();
/** Whole yuan, as people say amounts: `¥12,345`. */
export function yuan(amount: number, l: Locale): string {
  let f = yuanFormats.get(l);
  if (!f) yuanFormats.set(l, (f = new Intl.NumberFormat(l, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 })));
  return f.format(amount);
}

export const quote = (s: string, l: Locale): string => (l === 'en' ? `“${s}”` : `「${s}」`);

/** Long descriptions cut for a one-line point; the full text stays on the need itself. */
export const clip = (s: string, max = 30): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** `A、B、C` / `A, B and C`. */
export function list(items: readonly string[], l: Locale): string {
  if (l !== 'en') return items.join('、');
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** English `1 day` / `3 days`; Chinese has no plural. */
export const days = (n: number, l: Locale): string => (l === 'en' ? `${n} ${n === 1 ? 'day' : 'days'}` : `${n} 天`);

/** A point of `rule` whose id is the rule id and the evidence key. */
export function makePoint(rule: Pick<TalkingRule, 'id' | 'priority'>, key: string, point: Omit<TalkingPoint, 'id' | 'ruleId' | 'priority'> & { bonus?: number }): TalkingPoint {
  const { bonus = 0, ...rest } = point;
  // The bonus orders points within a rule; capped below 1 so it never lifts a point into the next rule's band.
  return { id: key ? `${rule.id}:${key}` : rule.id, ruleId: rule.id, priority: rule.priority + Math.min(Math.max(bonus, 0), 0.99), ...rest };
}

/** 0.01 per unit (day overdue, day waited), at most 0.99: more overdue ranks higher within a rule. */
export const perDay = (n: number): number => Math.min(Math.max(n, 0), 99) / 100;
