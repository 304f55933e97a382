import { format, subMonths } from 'date-fns';
import type { Interaction } from '../model';

export interface MonthTotal {
  /** `YYYY-MM` */
  month: string;
  amount: number;
  orders: number;
}

export interface OrderStats {
  /** The last `months` calendar months, oldest first, the current month last; months without orders are 0. */
  byMonth: MonthTotal[];
  lastOrderAt?: number;
  lastOrderAmount?: number;
  /** Mean amount per order over the months shown; undefined when there were none. */
  averageAmount?: number;
  totalAmount: number;
  orderCount: number;
}

export const orderAmount = (order: Pick<Interaction, 'lines'>): number =>
  (order.lines ?? []).reduce((sum, line) => sum + line.amount, 0);

/** A customer's orders by month for the small chart on the customer page. `interactions` may hold any kind. */
export function orderStats(interactions: Iterable<Interaction>, now: number, months = 12): OrderStats {
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) keys.push(format(subMonths(now, i), 'yyyy-MM'));
  const byMonth = new Map(keys.map((month) => [month, { month, amount: 0, orders: 0 }]));
  let last: Interaction | undefined;
  let total = 0;
  let count = 0;
  for (const i of interactions) {
    if (i.kind !== 'order') continue;
    if (!last || i.at > last.at) last = i;
    const bucket = byMonth.get(format(i.at, 'yyyy-MM'));
    if (!bucket) continue;
    const amount = orderAmount(i);
    bucket.amount += amount;
    bucket.orders += 1;
    total += amount;
    count += 1;
  }
  return {
    byMonth: [...byMonth.values()],
    lastOrderAt: last?.at,
    lastOrderAmount: last ? orderAmount(last) : undefined,
    averageAmount: count ? total / count : undefined,
    totalAmount: total,
    orderCount: count,
  };
}
