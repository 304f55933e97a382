import { both, makePoint, yuan } from '../text';
import type { TalkingRule } from '../types';

/**
 * "Well below", as data: the last 30 days (today included) against the average 30 days of the 90 before
 * them. Fires below RATIO (60 % itself does not), and only with enough history to judge: at least
 * MIN_BASELINE_ORDERS orders in those 90 days, and ordering that reaches back into their earliest 30 days
 * (a customer who started ordering 50 days ago has no 90-day average yet).
 */
export const ORDERS_DROP = { recentDays: 30, baselineDays: 90, ratio: 0.6, minBaselineOrders: 3 } as const;

export const ordersDrop: TalkingRule = {
  id: 'orders-drop',
  priority: 60,
  evaluate(ctx, p) {
    const { recentDays, baselineDays, ratio, minBaselineOrders } = ORDERS_DROP;
    const recentStart = p.dayStart(recentDays - 1);
    const baselineStart = p.dayStart(recentDays + baselineDays - 1);
    const earliestBlockEnd = p.dayStart(baselineDays - 1);
    let recent = 0;
    let baseline = 0;
    let baselineOrders = 0;
    let reachesBack = false;
    for (const o of p.orders) {
      if (o.at >= recentStart) recent += o.amount;
      else if (o.at >= baselineStart) {
        baseline += o.amount;
        baselineOrders++;
      }
      if (o.at < earliestBlockEnd) {
        reachesBack = true;
        if (o.at < baselineStart) break; // newest first: nothing older counts
      }
    }
    const average = (baseline / baselineDays) * recentDays;
    if (!reachesBack || baselineOrders < minBaselineOrders || average <= 0 || recent >= average * ratio) return [];
    const share = Math.floor((Math.max(recent, 0) / average) * 100);
    return [
      makePoint(ordersDrop, '', {
        tone: 'attention',
        at: p.orders[0]?.at,
        data: { amounts: { recent, average } },
        text: both((l) =>
          l === 'en'
            ? 'Orders have dropped sharply in the last 30 days: ask why — stock-outs, prices, or a change in the business?'
            : '近 30 天订货明显减少，问问原因：断货、价格，还是生意有变化？',
        ),
        because: both((l) =>
          l === 'en'
            ? `Last 30 days ${yuan(recent, l)}, against ${yuan(average, l)} per 30 days over the 90 days before (${share}%)`
            : `近 30 天订货 ${yuan(recent, l)}，此前 90 天平均每 30 天 ${yuan(average, l)}，只有平时的 ${share}%`,
        ),
      }),
    ];
  },
};
