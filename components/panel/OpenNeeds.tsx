import type { Need } from '../../lib/model';
import type { MessageKey } from '../../lib/i18n';
import { formatShortDate } from '../../lib/format';
import type { ViewContext } from './types';
import { DueLabel, urgencyOf } from './Due';
import { Badge, Empty, Section, cx } from './ui';

/**
 * Needs and complaints that are not closed yet. A need closes only when the customer has been told the
 * result, so "resolved, not yet told" is highlighted as the next thing to do.
 */
export function OpenNeeds({ ctx, needs }: { ctx: ViewContext; needs: Need[] }) {
  const { t, locale, now } = ctx;
  return (
    <Section title={t('panel.needs.title')} count={needs.length} testId="open-needs">
      {needs.length === 0 ? (
        <Empty>{t('panel.needs.empty')}</Empty>
      ) : (
        <ul className="space-y-2">
          {needs.map((need) => {
            const overdue = urgencyOf(need.due, now) === 'overdue';
            return (
              <li
                key={need.id}
                data-testid="need"
                data-overdue={overdue || undefined}
                className={cx('rounded-md border px-2.5 py-2', overdue ? 'border-red-200 bg-red-50/50' : 'border-slate-200 bg-white')}
              >
                <div className="flex items-center gap-1.5">
                  <Badge tone={need.kind === 'complaint' ? 'red' : 'slate'}>{t(`need.${need.kind}` as MessageKey)}</Badge>
                  <Badge tone={need.status === 'resolved' ? 'amber' : need.status === 'in_progress' ? 'blue' : 'outline'}>
                    {t(`needStatus.${need.status}` as MessageKey)}
                  </Badge>
                  <span className="ml-auto text-[11.5px] text-slate-400 tabular-nums">{formatShortDate(need.raisedAt, locale, now)}</span>
                </div>
                <p className="mt-1.5 line-clamp-3 whitespace-pre-wrap break-words text-[13px] leading-5 text-slate-800" title={need.description}>
                  {need.description}
                </p>
                {need.due && (
                  <div className="mt-1">
                    <DueLabel ctx={ctx} due={need.due} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
