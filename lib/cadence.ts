import { addDaysYmd, daysBetween, toYmd, type Ymd } from './dates';
import type { Customer } from './model';

/**
 * Visit cadence (拜访频次, domain.md §2): which customers are visited how often. A policy is data, an
 * ordered list of rules; the first rule that matches a customer decides. Issue 5 makes it editable in
 * settings; these defaults follow the service standard: core every 14 days, potential 30, others 60,
 * customers without a segment or class 90.
 */
export interface CadenceRule {
  /** Matches when the customer's segment contains one of these words (核心 matches 核心客户). */
  segments?: string[];
  /** Matches when the class (档位) is a number within this range, inclusive. */
  classRange?: [number, number];
  intervalDays: number;
  method: 'visit' | 'call';
}

export const DEFAULT_CADENCE: CadenceRule[] = [
  // A segment the manager set wins over the class, so segment rules come first.
  { segments: ['核心', '战略', 'core', 'strategic'], intervalDays: 14, method: 'visit' },
  { segments: ['潜力', '重点', 'potential', 'key'], intervalDays: 30, method: 'visit' },
  { segments: ['普通', '一般', 'ordinary', 'general'], intervalDays: 60, method: 'visit' },
  { classRange: [25, 30], intervalDays: 14, method: 'visit' },
  { classRange: [15, 24], intervalDays: 30, method: 'visit' },
  { classRange: [1, 14], intervalDays: 60, method: 'visit' },
];
export const FALLBACK_INTERVAL_DAYS = 90;

/** The manager's policy from settings, or the defaults when none is set (an empty table means "defaults"). */
export const cadencePolicy = (rules: readonly CadenceRule[]): readonly CadenceRule[] => (rules.length ? rules : DEFAULT_CADENCE);

/** The first rule of the policy that fits the customer, or undefined (the fallback interval applies). */
export function cadenceRuleFor(c: Pick<Customer, 'segment' | 'class'>, policy: readonly CadenceRule[] = DEFAULT_CADENCE): CadenceRule | undefined {
  const segment = (c.segment ?? '').toLowerCase();
  const cls = c.class !== undefined && /^\d+$/.test(c.class.trim()) ? Number(c.class) : undefined;
  return policy.find(
    (rule) =>
      (rule.segments && segment && rule.segments.some((s) => segment.includes(s.toLowerCase()))) ||
      (rule.classRange && cls !== undefined && cls >= rule.classRange[0] && cls <= rule.classRange[1]),
  );
}

export function visitInterval(c: Pick<Customer, 'segment' | 'class'>, policy: readonly CadenceRule[] = DEFAULT_CADENCE): number {
  return cadenceRuleFor(c, policy)?.intervalDays ?? FALLBACK_INTERVAL_DAYS;
}

/**
 * When the next visit is due: the calendar day of the last visit plus the interval, or, for a customer
 * never visited, the day the record was created plus the interval (a customer is not overdue on the day
 * it is imported). `overdueDays` counts calendar days past that date, 0 when not yet overdue.
 */
export function nextVisit(
  c: Pick<Customer, 'segment' | 'class' | 'createdAt'> & { lastVisitAt?: number },
  today: Ymd,
  policy: readonly CadenceRule[] = DEFAULT_CADENCE,
): { due: Ymd; overdueDays: number; intervalDays: number; method: CadenceRule['method'] } {
  const rule = cadenceRuleFor(c, policy);
  const intervalDays = rule?.intervalDays ?? FALLBACK_INTERVAL_DAYS;
  const due = addDaysYmd(toYmd(c.lastVisitAt ?? c.createdAt), intervalDays);
  return { due, overdueDays: Math.max(0, daysBetween(due, today)), intervalDays, method: rule?.method ?? 'visit' };
}
