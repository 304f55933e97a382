import { daysBetween, type Ymd } from '../../dates';
import type { Need } from '../../model';
import { both, clip, day, days, makePoint, perDay, quote } from '../text';
import type { TalkingRule } from '../types';
import { needWord } from './need-tell-customer';

/** Complaints outrank needs: an unhappy customer waiting is the bigger risk. */
export const COMPLAINT_BONUS = 5;

/** Still being worked on (not resolved, not informed) and due today or earlier. Yearless due dates mean nothing here. */
export const isNeedDue = (need: Pick<Need, 'status' | 'due'>, today: Ymd): boolean =>
  (need.status === 'raised' || need.status === 'in_progress') && !!need.due && /^\d{4}-/.test(need.due) && need.due <= today;

/** An open need or complaint at or past its due date: give the customer an update before they ask. */
export const needOverdue: TalkingRule = {
  id: 'need-overdue',
  priority: 90,
  evaluate(ctx, p) {
    return p.openNeeds
      .filter((n) => isNeedDue(n, p.today))
      .map((need) => {
        const late = daysBetween(need.due!, p.today);
        const what = clip(need.description);
        const complaint = need.kind === 'complaint';
        return makePoint({ id: needOverdue.id, priority: needOverdue.priority + (complaint ? COMPLAINT_BONUS : 0) }, need.id, {
          tone: 'urgent',
          bonus: perDay(late),
          at: need.raisedAt,
          data: { needId: need.id, date: need.due },
          text: both((l) => {
            const w = needWord(need, l);
            if (l === 'en') {
              const head = `${w[0].toUpperCase()}${w.slice(1)} ${quote(what, l)}`;
              return late === 0
                ? `${head} is due today: tell the customer where it stands`
                : `${head} is ${days(late, l)} overdue: update the customer on progress and when it will be settled`;
            }
            return late === 0
              ? `${w}${quote(what, l)}今天到期，向客户说明处理进展`
              : `${w}${quote(what, l)}已逾期 ${days(late, l)}，主动向客户说明进展和预计解决时间`;
          }),
          because: both((l) => {
            const raised = day(need.raisedAt, l, ctx.now);
            const due = day(need.due!, l, ctx.now);
            if (l === 'en') return `Raised on ${raised}, due ${due}, still ${need.status === 'raised' ? 'not started' : 'in progress'}`;
            return `${raised} 登记，约定 ${due} 前处理，目前${need.status === 'raised' ? '尚未处理' : '仍在处理中'}`;
          }),
        });
      });
  },
};
