import { DEFAULT_CADENCE, nextVisit } from '../../cadence';
import { cadenceBasis } from '../cadence-words';
import { both, day, days, makePoint, perDay } from '../text';
import type { TalkingRule } from '../types';

/**
 * A visit (or, where the cadence asks for calls, a callback) due today or overdue by the cadence policy.
 * Same rule as the agenda (lib/cadence nextVisit): counted from the last visit, or from the day the
 * customer was created; for a call cadence a call also counts.
 */
export const visitDue: TalkingRule = {
  id: 'visit-due',
  priority: 40,
  evaluate(ctx, p) {
    const { intervalDays, method } = p.cadence;
    const lastVisit = p.lastAt.visit;
    const lastCall = method === 'call' ? p.lastAt.call : undefined;
    const last = lastVisit === undefined ? lastCall : lastCall === undefined ? lastVisit : Math.max(lastVisit, lastCall);
    const { due, overdueDays: late } = nextVisit({ ...ctx.customer, lastVisitAt: last }, p.today, [...(ctx.cadence ?? DEFAULT_CADENCE)]);
    if (due > p.today) return [];
    const call = method === 'call';
    return [
      makePoint(visitDue, due, {
        tone: late > 0 ? 'attention' : 'info',
        bonus: perDay(late),
        at: last,
        data: { date: due },
        text: both((l) => {
          if (l === 'en') {
            const what = call ? 'Callback' : 'Visit';
            return late === 0 ? `${what} due today: ${call ? 'give them a call' : 'arrange a time to drop by'}` : `${what} overdue by ${days(late, l)}: ${call ? 'call them soon' : 'arrange a visit soon'}`;
          }
          const what = call ? '回访' : '拜访';
          return late === 0 ? `今天该${what}了，${call ? '打个电话' : '约个时间上门'}` : `${what}已逾期 ${days(late, l)}，${call ? '尽快打个电话' : '尽快约时间上门'}`;
        }),
        because: both((l) => {
          const every = l === 'en' ? `every ${days(intervalDays, l)} for ${cadenceBasis(ctx.customer, l)}` : `按${cadenceBasis(ctx.customer, l)}每 ${days(intervalDays, l)}${call ? '回访' : '拜访'}一次`;
          if (last === undefined) {
            const created = day(ctx.customer.createdAt, l, ctx.now);
            return l === 'en' ? `${call ? 'Calls' : 'Visits'} ${every}; none since the record was created on ${created}` : `${every}；${created} 建档后还没有${call ? '回访' : '拜访'}记录`;
          }
          const on = day(last, l, ctx.now);
          return l === 'en' ? `${call ? 'Calls' : 'Visits'} ${every}; last one on ${on}` : `${every}；上次在 ${on}`;
        }),
      }),
    ];
  },
};
