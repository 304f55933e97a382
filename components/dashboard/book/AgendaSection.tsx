import { useMemo } from 'react';
import { buildAgenda, type AgendaItem } from '@/lib/agenda';
import { useCadence } from '../cadence-context';
import { toYmd } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { useLocale } from '../i18n';
import { Card, Icon, Notice, PageHeader, cx, focusRing } from '../ui';
import { useBook, type Book } from './useBook';

/** A long list of overdue visits would bury the rest; the customer list shows them all. */
const MAX_VISITS_SHOWN = 30;

const KIND_LABEL: Record<AgendaItem['kind'], MessageKey> = {
  visit: 'agenda.kind.visit',
  task: 'agenda.kind.task',
  need: 'agenda.kind.need',
  birthday: 'agenda.kind.birthday',
  importantDate: 'agenda.kind.importantDate',
};
const KIND_STYLE: Record<AgendaItem['kind'], string> = {
  visit: 'bg-blue-50 text-blue-800 ring-blue-200',
  task: 'bg-slate-100 text-slate-700 ring-slate-200',
  need: 'bg-amber-50 text-amber-800 ring-amber-200',
  birthday: 'bg-rose-50 text-rose-700 ring-rose-200',
  importantDate: 'bg-violet-50 text-violet-700 ring-violet-200',
};

export function AgendaSection() {
  const { t } = useLocale();
  const { book, error } = useBook();
  const today = toYmd(Date.now());
  const policy = useCadence();
  const agenda = useMemo(
    () => book && buildAgenda({ today, customers: book.entries.values(), openTasks: book.openTasks, openNeeds: book.openNeeds, policy }),
    [book, today, policy],
  );

  return (
    <div data-testid="agenda">
      <PageHeader title={t('agenda.title')} subtitle={t('agenda.subtitle')} />
      {error && (
        <Notice tone="error" role="alert">
          {t('error.internal', { detail: error })}
        </Notice>
      )}
      {!agenda || !book ? (
        <p className="text-sm text-slate-500">{t('dash.loading')}</p>
      ) : (
        <div className="space-y-5">
          <AgendaList title={t('agenda.today')} items={agenda.today} book={book} testId="agenda-today" empty={t('agenda.today.empty')} />
          <AgendaList title={t('agenda.week')} items={agenda.week} book={book} testId="agenda-week" empty={t('agenda.week.empty')} />
        </div>
      )}
    </div>
  );
}

function AgendaList({ title, items, book, testId, empty }: { title: string; items: AgendaItem[]; book: Book; testId: string; empty: string }) {
  const { t, locale } = useLocale();
  const visits = items.filter((i) => i.kind === 'visit');
  const hidden = Math.max(0, visits.length - MAX_VISITS_SHOWN);
  const hiddenIds = new Set<AgendaItem>(visits.slice(MAX_VISITS_SHOWN));
  const shown = items.filter((i) => !hiddenIds.has(i));
  return (
    <Card
      title={title}
      actions={<span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-600 tabular-nums">{items.length}</span>}
    >
      {shown.length === 0 ? (
        <p className="py-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="-my-1 divide-y divide-slate-100" data-testid={testId}>
          {shown.map((item, i) => {
            const name = book.entries.get(item.customerId)?.name ?? t('agenda.unknownCustomer');
            return (
              <li key={i}>
                <a href={`#customer/${item.customerId}`} className={cx('flex items-center gap-3 rounded-md px-1 py-2.5 text-sm hover:bg-slate-50', focusRing)} data-testid="agenda-item" data-kind={item.kind}>
                  <span className={cx('w-20 shrink-0 rounded-full px-2 py-0.5 text-center text-xs font-medium ring-1', KIND_STYLE[item.kind])}>{t(KIND_LABEL[item.kind])}</span>
                  <span className="min-w-0 flex-1">
                    <span className="font-medium text-slate-900">{name}</span>
                    <span className="ml-2 text-slate-600">{describe(item, t)}</span>
                  </span>
                  <span className={cx('shrink-0 text-xs tabular-nums', item.overdueDays > 0 ? 'font-medium text-red-700' : 'text-slate-500')}>
                    {item.overdueDays > 0 ? t('book.overdueDays', { days: item.overdueDays }) : formatDate(item.date, locale)}
                  </span>
                  <Icon name="chevron" className="size-4 shrink-0 text-slate-300" />
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {hidden > 0 && (
        <a href="#customers?overdue=1" className={cx('mt-3 inline-flex text-sm font-medium text-blue-700 hover:underline', focusRing)} data-testid="agenda-more-visits">
          {t('agenda.moreVisits', { count: hidden })}
        </a>
      )}
    </Card>
  );
}

function describe(item: AgendaItem, t: ReturnType<typeof useLocale>['t']): string {
  switch (item.kind) {
    case 'visit':
      return item.overdueDays > 0 ? t('agenda.visit.overdue') : t('agenda.visit.due');
    case 'task':
      return item.task.title;
    case 'need':
      return item.need.description;
    case 'birthday':
      return t('agenda.birthday');
    case 'importantDate':
      return item.label;
  }
}
