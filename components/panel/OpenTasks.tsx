import type { Task } from '../../lib/model';
import type { ViewContext } from './types';
import { DueLabel, urgencyOf } from './Due';
import { Empty, Section, cx } from './ui';

const BAR = { overdue: 'bg-red-500', soon: 'bg-amber-400', later: 'bg-slate-300', none: 'bg-slate-200' } as const;

/** Open tasks, soonest first; overdue ones in red, those due within three days in amber. */
export function OpenTasks({ ctx, tasks }: { ctx: ViewContext; tasks: Task[] }) {
  const { t, now } = ctx;
  return (
    <Section title={t('panel.tasks.title')} count={tasks.length} testId="open-tasks">
      {tasks.length === 0 ? (
        <Empty>{t('panel.tasks.empty')}</Empty>
      ) : (
        <ul className="space-y-1.5">
          {tasks.map((task) => {
            const urgency = urgencyOf(task.due, now);
            return (
              <li
                key={task.id}
                data-testid="task"
                data-overdue={urgency === 'overdue' || undefined}
                className={cx('flex items-start gap-2 rounded-md py-1 pr-1', urgency === 'overdue' && 'bg-red-50/60')}
              >
                <span className={cx('mt-0.5 w-[3px] self-stretch rounded-full', BAR[urgency])} aria-hidden="true" />
                <span className="min-w-0 flex-1 break-words text-[13px] leading-5 text-slate-800">{task.title}</span>
                <DueLabel ctx={ctx} due={task.due} className="mt-px leading-5" />
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
