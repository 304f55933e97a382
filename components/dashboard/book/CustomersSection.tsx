import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { nextVisit, type CadenceRule } from '@/lib/cadence';
import { useCadence } from '../cadence-context';
import { toYmd } from '@/lib/dates';
import { formatNumber } from '@/lib/format';
import { useLocale } from '../i18n';
import { Card, Icon, Notice, PageHeader, cx, focusRing } from '../ui';
import { useBook, type Book, type BookEntry } from './useBook';

export interface CustomerFilters {
  class: string;
  segment: string;
  visitOverdue: boolean;
  openNeeds: boolean;
}
const NO_FILTERS: CustomerFilters = { class: '', segment: '', visitOverdue: false, openNeeds: false };

/** Distinct values of a field, numbers in numeric order (档位 1…30), then text in Chinese order. */
function distinct(book: Book, pick: (e: BookEntry) => string | undefined): string[] {
  const values = new Set<string>();
  for (const e of book.entries.values()) {
    const v = pick(e);
    if (v) values.add(v);
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...values].sort(collator.compare);
}

export function filterPredicate(f: CustomerFilters, book: Book, today: string, policy: readonly CadenceRule[]): ((e: BookEntry) => boolean) | undefined {
  if (!f.class && !f.segment && !f.visitOverdue && !f.openNeeds) return undefined;
  return (e) =>
    (!f.class || e.class === f.class) &&
    (!f.segment || e.segment === f.segment) &&
    (!f.openNeeds || book.openNeedCount.has(e.id)) &&
    (!f.visitOverdue || nextVisit(e, today, policy).overdueDays > 0);
}

const ROW_HEIGHT = 56;
/** Rows ranked per query at first; scrolling near the end asks for more. */
const PAGE = 300;
const OVERSCAN_ROWS = 30;

export function CustomersSection() {
  const { t, locale } = useLocale();
  const { book, error } = useBook();
  const [query, setQuery] = useState(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') ?? '');
  const [filters, setFilters] = useState<CustomerFilters>(() => ({
    ...NO_FILTERS,
    visitOverdue: location.hash.includes('overdue=1'),
  }));
  // Searched in the keystroke itself: a query over 100k customers takes ~10 ms, less than the extra frame
  // useDeferredValue would wait before starting it.
  const deferredQuery = query;
  const today = toYmd(Date.now());
  const policy = useCadence();

  // Rows are fetched a page at a time as the list scrolls: ranking all 100k matches of a one-letter
  // query on every keystroke costs more than the scan itself. `total` still counts every match.
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [deferredQuery, filters]);
  const result = useMemo(() => {
    if (!book) return undefined;
    // filterKey lets the index reuse a filter pass over all rows while only the query changes.
    return book.index.query(deferredQuery, { limit, filter: filterPredicate(filters, book, today, policy), filterKey: `${JSON.stringify(filters)}|${today}|${book.loadedAt}|${JSON.stringify(policy)}` });
  }, [book, deferredQuery, filters, today, limit]);
  const classes = useMemo(() => (book ? distinct(book, (e) => e.class) : []), [book]);
  const segments = useMemo(() => (book ? distinct(book, (e) => e.segment) : []), [book]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = result?.ids ?? [];
  const virtualizer = useVirtualizer({
    count: result?.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const items = virtualizer.getVirtualItems();
  const lastShown = items.length ? items[items.length - 1].index : 0;
  useEffect(() => {
    if (result && lastShown >= ids.length - OVERSCAN_ROWS && ids.length < result.total) setLimit((l) => Math.max(l, lastShown + PAGE));
  }, [lastShown, ids.length, result]);

  const set = <K extends keyof CustomerFilters>(key: K, value: CustomerFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const selectClass = 'h-9 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-800 shadow-xs ' + focusRing;

  return (
    <div data-testid="customers">
      <PageHeader title={t('book.customers.title')} subtitle={t('book.customers.subtitle')} />
      {error && (
        <Notice tone="error" role="alert">
          {t('error.internal', { detail: error })}
        </Notice>
      )}
      <Card>
        <div className="flex flex-wrap items-center gap-2.5">
          <label className="relative min-w-64 flex-1">
            <span className="sr-only">{t('book.search.label')}</span>
            <Icon name="search" className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
            <input
              type="search"
              autoFocus
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('book.search.placeholder')}
              data-testid="customer-search"
              className={cx('h-9 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-sm shadow-xs placeholder:text-slate-400', focusRing)}
            />
          </label>
          <select aria-label={t('book.filter.class')} value={filters.class} onChange={(e) => set('class', e.target.value)} className={selectClass} data-testid="filter-class">
            <option value="">{t('book.filter.class.all')}</option>
            {classes.map((c) => (
              <option key={c} value={c}>
                {t('book.filter.class.value', { class: c })}
              </option>
            ))}
          </select>
          <select aria-label={t('book.filter.segment')} value={filters.segment} onChange={(e) => set('segment', e.target.value)} className={selectClass} data-testid="filter-segment">
            <option value="">{t('book.filter.segment.all')}</option>
            {segments.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <Toggle checked={filters.visitOverdue} onChange={(v) => set('visitOverdue', v)} testId="filter-overdue" label={t('book.filter.overdue')} />
          <Toggle checked={filters.openNeeds} onChange={(v) => set('openNeeds', v)} testId="filter-needs" label={t('book.filter.needs')} />
        </div>
        <p className="mt-3 text-[13px] text-slate-500" data-testid="customer-count" aria-live="polite">
          {book && result ? t('book.count', { shown: formatNumber(result.total, locale), total: formatNumber(book.entries.size, locale) }) : t('dash.loading')}
        </p>
      </Card>

      <div className="mt-4 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
        <div className="grid grid-cols-[minmax(0,2.4fr)_5rem_minmax(0,1fr)_8rem_8.5rem_5rem] gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2.5 text-xs font-medium text-slate-500">
          <span>{t('book.col.customer')}</span>
          <span>{t('book.col.class')}</span>
          <span>{t('book.col.segment')}</span>
          <span>{t('book.col.mobile')}</span>
          <span>{t('book.col.nextVisit')}</span>
          <span className="text-right">{t('book.col.needs')}</span>
        </div>
        <div
          ref={scrollRef}
          // Contained: a keystroke re-lays out the visible rows only, never the page around them.
          className="h-[calc(100vh-330px)] min-h-80 overflow-y-auto [contain:strict]"
          data-testid="customer-list"
          // The query these rows answer: tests and the benchmark wait for it after a keystroke.
          data-query={book ? deferredQuery : undefined}
        >
          {book && ids.length === 0 && <p className="px-4 py-10 text-center text-sm text-slate-500">{book.entries.size === 0 ? t('book.empty') : t('book.noResults')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {book &&
              items.map((item) => {
                const e = item.index < ids.length ? book.entries.get(ids[item.index]) : undefined;
                if (!e)
                  return (
                    <div key={`more-${item.index}`} className="absolute inset-x-0 border-b border-slate-100 px-4 py-4" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                      <div className="h-3 w-48 animate-pulse rounded bg-slate-100" />
                    </div>
                  );
                const visit = nextVisit(e, today, policy);
                const needs = book.openNeedCount.get(e.id) ?? 0;
                return (
                  <a
                    key={e.id}
                    href={`#customer/${e.id}`}
                    data-testid="customer-row"
                    className={cx('absolute inset-x-0 grid grid-cols-[minmax(0,2.4fr)_5rem_minmax(0,1fr)_8rem_8.5rem_5rem] items-center gap-3 border-b border-slate-100 px-4 text-sm [contain:layout_paint_style] hover:bg-blue-50/60', focusRing)}
                    style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  >
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-slate-900">{e.name}</span>
                      <span className="block truncate text-xs text-slate-500 tabular-nums">{[e.customerCode, e.licenceNo].filter(Boolean).join(' · ') || '—'}</span>
                    </span>
                    <span className="tabular-nums text-slate-700">{e.class ?? '—'}</span>
                    <span className="truncate text-slate-700">{e.segment ?? '—'}</span>
                    <span className="tabular-nums text-slate-700">{e.mobile ?? '—'}</span>
                    <span className={cx('tabular-nums', visit.overdueDays > 0 ? 'font-medium text-red-700' : 'text-slate-700')}>
                      {visit.overdueDays > 0 ? t('book.overdueDays', { days: visit.overdueDays }) : visit.due}
                    </span>
                    <span className="text-right">
                      {needs > 0 ? (
                        <span className="inline-flex min-w-6 justify-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{needs}</span>
                      ) : (
                        <span className="text-slate-300">0</span>
                      )}
                    </span>
                  </a>
                );
              })}
          </div>
        </div>
      </div>
    </div>
  );
}

function Toggle({ checked, onChange, label, testId }: { checked: boolean; onChange: (v: boolean) => void; label: string; testId: string }) {
  return (
    <button
      type="button"
      aria-pressed={checked}
      onClick={() => onChange(!checked)}
      data-testid={testId}
      className={cx(
        'inline-flex h-9 items-center gap-1.5 rounded-md border px-3 text-sm shadow-xs transition-colors',
        focusRing,
        checked ? 'border-blue-300 bg-blue-50 font-medium text-blue-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
      )}
    >
      {checked && <Icon name="check" className="size-3.5" />}
      {label}
    </button>
  );
}
