import { useState } from 'react';
import type { Interaction, InteractionKind } from '../../lib/model';
import { formatDate, formatNumber, formatWhen, formatYuan } from '../../lib/format';
import type { PendingNote, ViewContext } from './types';
import { Empty, Icon, Section, cx, focusRing } from './ui';

/** History items shown at first, and added by each "show more". */
const TIMELINE_PAGE = 15;

const KIND_LOOK: Record<InteractionKind, string> = {
  visit: 'bg-blue-50 text-blue-700 ring-blue-200',
  call: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  email: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  order: 'bg-teal-50 text-teal-700 ring-teal-200',
  note: 'bg-slate-100 text-slate-600 ring-slate-300',
};
const MAX_LINES = 5;

function OrderLines({ ctx, item }: { ctx: ViewContext; item: Interaction }) {
  const { t, locale } = ctx;
  const lines = item.lines ?? [];
  if (lines.length === 0) return null;
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const shown = lines.slice(0, MAX_LINES);
  return (
    <div className="mt-1.5 rounded-md bg-slate-50 px-2.5 py-1.5 text-[12px] leading-5">
      <ul>
        {shown.map((l, i) => (
          <li key={i} className="flex gap-2">
            <span className="min-w-0 flex-1 truncate text-slate-700" title={l.product}>
              {l.product}
              <span className="text-slate-500">
                {' × '}
                {formatNumber(l.quantity, locale)}
                {l.unit ?? ''}
              </span>
            </span>
            <span className={cx('tabular-nums', l.amount < 0 ? 'text-red-700' : 'text-slate-500')}>{formatYuan(l.amount, locale)}</span>
          </li>
        ))}
      </ul>
      {lines.length > MAX_LINES && <p className="text-slate-400">{t('panel.order.moreLines', { count: lines.length - MAX_LINES })}</p>}
      <div className="mt-1 flex border-t border-slate-200 pt-1 font-medium text-slate-800">
        <span>{t('panel.order.total')}</span>
        <span className="ml-auto tabular-nums">{formatYuan(total, locale)}</span>
      </div>
    </div>
  );
}

function Item({ ctx, item, pending }: { ctx: ViewContext; item: Interaction; pending?: boolean }) {
  const { t, locale, now } = ctx;
  return (
    <li data-testid="timeline-item" data-kind={item.kind} data-pending={pending || undefined} className={cx('relative flex gap-3 pb-3.5', pending && 'opacity-70')}>
      <span
        className={cx('relative z-10 mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full ring-1 ring-inset', KIND_LOOK[item.kind])}
        aria-hidden="true"
      >
        <Icon name={item.kind} className="h-3.5 w-3.5" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-1.5 text-[12px] leading-5">
          <span className="font-semibold text-slate-800">{t(`interaction.${item.kind}` as const)}</span>
          {item.channel && item.channel !== t(`interaction.${item.kind}` as const) && <span className="truncate text-slate-500">· {item.channel}</span>}
          <time
            dateTime={new Date(item.at).toISOString()}
            title={formatDate(item.at, locale)}
            className="ml-auto shrink-0 whitespace-nowrap text-[11.5px] text-slate-400 tabular-nums"
          >
            {pending ? t('panel.note.saving') : formatWhen(item.at, locale, now)}
          </time>
        </div>
        {item.summary && (
          <p className="whitespace-pre-wrap break-words text-[13px] leading-5 text-slate-700">{item.summary}</p>
        )}
        {item.kind === 'order' && <OrderLines ctx={ctx} item={item} />}
      </div>
    </li>
  );
}

/** Notes typed here but not confirmed yet, unless the confirmed copy has already arrived. */
function stillPending(pending: PendingNote[], timeline: Interaction[]): PendingNote[] {
  return pending.filter(
    (p) => !timeline.some((i) => i.kind === 'note' && i.summary === p.text && i.createdAt >= p.at - 60_000),
  );
}

/** History newest first: visits, calls, emails, orders and notes. */
export function Timeline({
  ctx,
  items,
  total,
  pending = [],
}: {
  ctx: ViewContext;
  items: Interaction[];
  total: number;
  pending?: PendingNote[];
}) {
  const { t } = ctx;
  // The newest few first: a long history is hundreds of nodes, and the panel must appear at once.
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  const all = [...items].sort((a, b) => b.at - a.at);
  const sorted = all.slice(0, limit);
  const waiting = stillPending(pending, items).sort((a, b) => b.at - a.at);
  const count = Math.max(total, items.length) + waiting.length;
  return (
    <Section title={t('panel.timeline.title')} count={count} testId="timeline" skipOffscreen>
      {sorted.length === 0 && waiting.length === 0 ? (
        <Empty>{t('panel.timeline.empty')}</Empty>
      ) : (
        <ol className="relative before:absolute before:bottom-4 before:left-3 before:top-2 before:w-px before:bg-slate-200">
          {waiting.map((p) => (
            <Item
              key={p.id}
              ctx={ctx}
              pending
              item={{ id: p.id, customerId: p.customerId, kind: 'note', at: p.at, createdAt: p.at, summary: p.text }}
            />
          ))}
          {sorted.map((item) => (
            <Item key={item.id} ctx={ctx} item={item} />
          ))}
        </ol>
      )}
      {all.length > sorted.length && (
        <button
          type="button"
          data-testid="timeline-show-more"
          onClick={() => setLimit((l) => l + TIMELINE_PAGE)}
          className={cx('mt-1 w-full rounded py-1 text-center text-[12px] text-blue-700 hover:bg-blue-50', focusRing)}
        >
          {t('panel.timeline.showMore', { count: Math.min(TIMELINE_PAGE, all.length - sorted.length) })}
        </button>
      )}
      {all.length <= sorted.length && total > items.length && (
        <p className="mt-1 text-center text-[11.5px] text-slate-400">{t('panel.timeline.more', { total, shown: items.length })}</p>
      )}
    </Section>
  );
}
