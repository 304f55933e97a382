import { useCallback, useEffect, useState } from 'react';
import { formatNumber } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { TABLE_LABELS, TABLES, type Counts, type TableName } from './counts';
import { useLocale } from './i18n';
import { Button, Card, Icon, Notice, PageHeader, cx, focusRing } from './ui';


/** The record kinds shown as tiles; page choices and rules are bookkeeping, not something the manager counts. */
const TILES = TABLES.filter((t) => t !== 'pageChoices' && t !== 'siteRules');

interface StorageInfo {
  usage?: number;
  persisted?: boolean;
}

async function readStorage(): Promise<StorageInfo> {
  const s = navigator.storage;
  if (!s) return {};
  const [estimate, persisted] = await Promise.all([
    s.estimate ? s.estimate().catch(() => undefined) : undefined,
    s.persisted ? s.persisted().catch(() => undefined) : undefined,
  ]);
  return { usage: estimate?.usage, persisted };
}

export function formatMb(bytes: number, locale: 'zh-CN' | 'en'): string {
  const mb = bytes / (1024 * 1024);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: mb < 10 ? 2 : 1, minimumFractionDigits: mb < 10 ? 2 : 1 }).format(mb);
}

export function OverviewSection({ counts, countsError, onReload }: { counts?: Counts; countsError?: string; onReload: () => void }) {
  const { t, locale } = useLocale();
  const [storage, setStorage] = useState<StorageInfo>();
  const [persistAnswer, setPersistAnswer] = useState<boolean>();
  const [asking, setAsking] = useState(false);

  const refreshStorage = useCallback(() => void readStorage().then(setStorage), []);
  useEffect(refreshStorage, [refreshStorage]);

  async function requestPersist() {
    setAsking(true);
    try {
      const granted = (await navigator.storage?.persist?.()) ?? false;
      setPersistAnswer(granted);
      refreshStorage();
    } finally {
      setAsking(false);
    }
  }

  return (
    <div data-testid="overview">
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <div className="space-y-5">
        <Card
          title={t('overview.records')}
          actions={
            <Button
              variant="ghost"
              icon="refresh"
              onClick={() => {
                onReload();
                refreshStorage();
              }}
              data-testid="overview-refresh"
            >
              {t('dash.refresh')}
            </Button>
          }
        >
          {countsError ? (
            <Notice tone="error" role="alert">
              {t('error.internal', { detail: countsError })}
            </Notice>
          ) : (
            <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-md border border-slate-200 bg-slate-200 sm:grid-cols-5">
              {TILES.map((table) => (
                <div key={table} className="bg-white px-4 py-3.5" data-testid={`count-${table}`}>
                  <dt className="text-[13px] text-slate-500">{t(TABLE_LABELS[table])}</dt>
                  <dd className="mt-1.5 text-2xl font-semibold tabular-nums tracking-tight text-slate-900">
                    {counts ? formatNumber(counts[table], locale) : <span className="text-slate-300">—</span>}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </Card>

        <Card title={t('overview.storage')}>
          <dl className="divide-y divide-slate-100 text-sm">
            <div className="flex items-center justify-between gap-6 pb-3.5">
              <dt className="text-slate-600">{t('overview.size')}</dt>
              <dd className="font-medium tabular-nums text-slate-900" data-testid="storage-usage">
                {storage === undefined
                  ? t('dash.loading')
                  : storage.usage === undefined
                    ? t('overview.size.unknown')
                    : t('overview.size.value', { size: formatMb(storage.usage, locale) })}
              </dd>
            </div>
            <div className="flex items-start justify-between gap-6 pt-3.5">
              <div>
                <dt className="text-slate-600">{t('overview.persisted')}</dt>
                <p className="mt-1 max-w-xl text-[13px] leading-relaxed text-slate-500">
                  {storage?.persisted ? t('overview.persisted.yesHint') : t('overview.persisted.noHint')}
                </p>
              </div>
              <dd className="flex shrink-0 flex-col items-end gap-2.5">
                <span
                  data-testid="storage-persisted"
                  data-persisted={storage?.persisted ? 'true' : 'false'}
                  className={cx(
                    'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium',
                    storage?.persisted ? 'bg-emerald-50 text-emerald-700 ring-1 ring-emerald-200' : 'bg-slate-100 text-slate-600 ring-1 ring-slate-200',
                  )}
                >
                  <span className={cx('size-1.5 rounded-full', storage?.persisted ? 'bg-emerald-500' : 'bg-slate-400')} />
                  {storage?.persisted ? t('overview.persisted.yes') : t('overview.persisted.no')}
                </span>
                {!storage?.persisted && (
                  <Button onClick={() => void requestPersist()} disabled={asking} icon="lock" data-testid="storage-persist">
                    {t('overview.persist.request')}
                  </Button>
                )}
              </dd>
            </div>
          </dl>
          {persistAnswer !== undefined && (
            <div className="mt-4">
              <Notice tone={persistAnswer ? 'success' : 'warning'} role="status" testId="storage-persist-result">
                {persistAnswer ? t('overview.persist.granted') : t('overview.persist.denied')}
              </Notice>
            </div>
          )}
        </Card>

        <div className="flex items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-xs">
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <Icon name="shield" className="size-5 text-blue-700" />
            {t('overview.backupHint')}
          </div>
          <a
            href="#backup"
            className={cx('inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-blue-700 hover:bg-blue-50 hover:text-blue-800', focusRing)}
          >
            {t('overview.goBackup')}
            <Icon name="chevron" />
          </a>
        </div>
      </div>
    </div>
  );
}
