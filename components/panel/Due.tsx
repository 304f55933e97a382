import { daysOverdue, formatShortDate } from '../../lib/format';
import type { ViewContext } from './types';
import { cx } from './ui';

export type Urgency = 'overdue' | 'soon' | 'later' | 'none';

/** Due within three days is "soon" (amber); past it is overdue (red). */
export function urgencyOf(due: string | undefined, now: number): Urgency {
  if (!due) return 'none';
  const days = daysOverdue(due, now);
  if (days === undefined) return 'later';
  if (days > 0) return 'overdue';
  if (days >= -3) return 'soon';
  return 'later';
}

export function DueLabel({ ctx, due, className }: { ctx: ViewContext; due?: string; className?: string }) {
  const { t, locale, now } = ctx;
  if (!due) return null;
  const days = daysOverdue(due, now);
  const urgency = urgencyOf(due, now);
  const text =
    days === undefined || days < -3
      ? t('panel.due.on', { date: formatShortDate(due, locale, now) })
      : days > 0
        ? t('panel.due.overdue', { days })
        : days === 0
          ? t('panel.due.today')
          : t('panel.due.soon', { days: -days });
  return (
    <span
      data-urgency={urgency}
      title={formatShortDate(due, locale, now)}
      className={cx(
        'whitespace-nowrap text-[12px] tabular-nums',
        urgency === 'overdue' && 'font-semibold text-red-700',
        urgency === 'soon' && 'font-medium text-amber-700',
        urgency === 'later' && 'text-slate-500',
        className,
      )}
    >
      {text}
    </span>
  );
}
