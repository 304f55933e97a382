import { daysBetween } from '../../dates';
import { both, clip, day, days, makePoint, perDay, quote } from '../text';
import type { TalkingRule } from '../types';
import { isNeedDue } from './need-overdue';

/**
 * An open task for this customer due today or earlier (a callback promised, documents to bring). A task
 * made for a need that already has its own point (resolved, or due) is left to that point, as on the agenda.
 */
export const taskDue: TalkingRule = {
  id: 'task-due',
  priority: 80,
  evaluate(ctx, p) {
    const shownNeeds = new Set(p.openNeeds.filter((n) => n.status === 'resolved' || isNeedDue(n, p.today)).map((n) => n.id));
    return ctx.tasks
      .filter((t) => t.status === 'open' && !!t.due && /^\d{4}-/.test(t.due) && t.due <= p.today && !(t.needId && shownNeeds.has(t.needId)))
      .map((task) => {
        const late = daysBetween(task.due!, p.today);
        const title = clip(task.title);
        return makePoint(taskDue, task.id, {
          tone: late > 0 ? 'urgent' : 'attention',
          bonus: perDay(late),
          at: task.createdAt,
          data: { taskId: task.id, date: task.due },
          text: both((l) =>
            l === 'en'
              ? `Task ${quote(title, l)} is ${late === 0 ? 'due today' : `${days(late, l)} overdue`}`
              : `待办${quote(title, l)}${late === 0 ? '今天到期' : `已逾期 ${days(late, l)}`}`,
          ),
          because: both((l) => (l === 'en' ? `Due ${day(task.due!, l, ctx.now)}, not done yet` : `截止 ${day(task.due!, l, ctx.now)}，尚未完成`)),
        });
      });
  },
};
