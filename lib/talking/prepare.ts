import { DEFAULT_CADENCE, FALLBACK_INTERVAL_DAYS, cadenceRuleFor, type CadenceRule } from '../cadence';
import { addDaysYmd, daysBetween, fromYmd, toYmd, type Ymd } from '../dates';
import { isNeedOpen, type Customer } from '../model';
import { orderAmount } from '../orders/stats';
import type { Prepared, PreparedOrder, TalkingContext } from './types';

/** The cadence rule that applies: its interval and whether it asks for a visit or a call. */
export function cadenceOf(c: Pick<Customer, 'segment' | 'class'>, policy: readonly CadenceRule[]): Prepared['cadence'] {
  const rule = cadenceRuleFor(c, policy);
  return { intervalDays: rule?.intervalDays ?? FALLBACK_INTERVAL_DAYS, method: rule?.method ?? 'visit' };
}

/** One pass over the interactions: latest time per kind and the orders with their amounts, newest first. */
export function prepare(ctx: TalkingContext): Prepared {
  const today: Ymd = ctx.today ?? toYmd(ctx.now);
  if (!fromYmd(today)) throw new Error(`talking points: today is not a YYYY-MM-DD date: ${today}`);
  const lastAt: Prepared['lastAt'] = {};
  const orders: PreparedOrder[] = [];
  for (const i of ctx.interactions) {
    const last = lastAt[i.kind];
    if (last === undefined || i.at > last) lastAt[i.kind] = i.at;
    if (i.kind === 'order') orders.push({ at: i.at, amount: orderAmount(i), lines: i.lines ?? [] });
  }
  // Usually already newest first (the database reads them so), which makes this sort close to linear.
  orders.sort((a, b) => b.at - a.at);

  // Window edges as timestamps, computed once each, so rules compare numbers instead of formatting 5,000 dates.
  const starts = new Map<number, number>();
  const dayStart = (n: number): number => {
    let t = starts.get(n);
    if (t === undefined) starts.set(n, (t = fromYmd(addDaysYmd(today, -n))!.getTime()));
    return t;
  };
  return {
    today,
    dayStart,
    daysSince: (at) => daysBetween(toYmd(at), today),
    lastAt,
    orders,
    openNeeds: ctx.needs.filter(isNeedOpen),
    cadence: cadenceOf(ctx.customer, ctx.cadence ?? DEFAULT_CADENCE),
  };
}
