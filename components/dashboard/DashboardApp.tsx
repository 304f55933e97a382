import { useCallback, useEffect, useMemo, useState } from 'react';
import { resolveLocale, translator, type MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/model/settings';
import { request } from '@/lib/messaging/client';
import { watchSettings } from '@/lib/settings';
import { cadencePolicy } from '@/lib/cadence';
import { CadenceContext } from './cadence-context';
import { BackupSection } from './BackupSection';
import { ErrorBoundary } from './ErrorBoundary';
import { AgendaSection } from './book/AgendaSection';
import { CustomerPage } from './book/CustomerPage';
import { CustomersSection } from './book/CustomersSection';
import { BookContext, useBookLoader } from './book/useBook';
import { ExportSection } from './exchange/ExportSection';
import { ImportSection } from './exchange/ImportSection';
import { InboxSection } from './inbox/InboxSection';
import { useCounts } from './counts';
import { LocaleContext } from './i18n';
import { OverviewSection } from './OverviewSection';
import { SettingsSection } from './SettingsSection';
import { Icon, LogoMark, Notice, cx, focusRing, type IconName } from './ui';

export const SECTIONS = ['agenda', 'customers', 'inbox', 'import', 'export', 'backup', 'overview', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

const NAV: Record<Section, { label: MessageKey; icon: IconName }> = {
  agenda: { label: 'dash.nav.agenda', icon: 'calendar' },
  customers: { label: 'dash.nav.customers', icon: 'people' },
  inbox: { label: 'inbox.nav', icon: 'inbox' },
  import: { label: 'dash.nav.import', icon: 'upload' },
  export: { label: 'dash.nav.export', icon: 'package' },
  backup: { label: 'dash.nav.backup', icon: 'backup' },
  overview: { label: 'dash.nav.overview', icon: 'overview' },
  settings: { label: 'dash.nav.settings', icon: 'settings' },
};

export interface Route {
  section: Section;
  /** `#customer/<id>` opens one customer inside the customers section. */
  customerId?: string;
}

/** `#backup` → backup; `#customers?q=张` → customers; `#customer/<id>` → that customer; anything unknown opens the agenda. */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  const customer = /^customer\/(.+)$/.exec(path);
  if (customer) return { section: 'customers', customerId: decodeURIComponent(customer[1]) };
  return { section: (SECTIONS as readonly string[]).includes(path) ? (path as Section) : 'agenda' };
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function DashboardApp({ initialSettings }: { initialSettings: Settings }) {
  const [settings, setSettings] = useState(initialSettings);
  const route = useRoute();
  const { section } = route;
  const { counts, error: countsError, reload: reloadCounts } = useCounts();
  const bookState = useBookLoader();
  const { reload: reloadBook } = bookState;
  // Anything that writes customers refreshes the counts and the book, and tells the background, so that
  // open pages match again (an imported customer appears in a panel already open) and no stale view is served.
  const reload = useCallback(() => {
    reloadCounts();
    reloadBook();
    request({ type: 'data/changed' }).catch(() => undefined);
  }, [reloadCounts, reloadBook]);

  // Filing a note changes a customer's history, not the book: counts, and open panels read it again.
  const notesFiled = useCallback(() => {
    reloadCounts();
    request({ type: 'data/changed' }).catch(() => undefined);
  }, [reloadCounts]);

  useEffect(() => watchSettings(setSettings), []);

  const cadence = useMemo(() => cadencePolicy(settings.cadence), [settings.cadence]);
  const locale = resolveLocale(settings.locale, navigator.languages);
  const ctx = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const { t } = ctx;

  useEffect(() => {
    // Setting the root's lang, even to the value it has, restyles the whole document (measured in the panel).
    if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
    document.title = `${t(NAV[section].label)} · ${t('appName')}`;
  }, [locale, section, t]);

  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [section, route.customerId]);

  return (
    <LocaleContext.Provider value={ctx}>
      <BookContext.Provider value={bookState}>
      <CadenceContext.Provider value={cadence}>
      <div className="flex h-screen bg-slate-50 text-slate-900">
        <nav aria-label={t('dash.nav.label')} className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
          <div className="flex items-center gap-3 border-b border-slate-100 px-5 py-5">
            <LogoMark className="size-9" />
            <div className="min-w-0 leading-tight">
              <p className="truncate text-[15px] font-semibold text-slate-900">{t('appName')}</p>
              <p className="mt-0.5 truncate text-xs text-slate-500">{t('dash.title')}</p>
            </div>
          </div>
          <ul className="flex-1 space-y-0.5 px-3 py-4">
            {SECTIONS.map((s) => {
              const active = s === section;
              return (
                <li key={s}>
                  <a
                    href={`#${s}`}
                    aria-current={active ? 'page' : undefined}
                    data-testid={`nav-${s}`}
                    className={cx(
                      'flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors',
                      focusRing,
                      active ? 'bg-blue-50 font-medium text-blue-800' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
                    )}
                  >
                    <Icon name={NAV[s].icon} className={cx('size-[18px]', active ? 'text-blue-700' : 'text-slate-400')} />
                    {t(NAV[s].label)}
                    {s === 'inbox' && !!counts?.inbox && (
                      <span
                        className="ml-auto rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium tabular-nums text-amber-800"
                        title={t('inbox.nav.badge', { count: counts.inbox })}
                        data-testid="nav-inbox-count"
                      >
                        {counts.inbox}
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
          <div className="flex gap-2.5 border-t border-slate-100 px-5 py-4 text-xs leading-relaxed text-slate-500">
            <Icon name="lock" className="mt-0.5 size-3.5 text-slate-400" />
            <p>{t('dash.footer.local')}</p>
          </div>
        </nav>

        <main id="main" className="min-w-0 flex-1 overflow-y-auto">
          <div className={cx('mx-auto px-10 py-9', section === 'customers' || section === 'import' ? 'max-w-6xl' : 'max-w-4xl')}>
            <ErrorBoundary
              resetKey={`${section}/${route.customerId ?? ''}`}
              fallback={(error, reset) => (
                <Notice tone="error" role="alert" title={t('dash.viewFailed')} testId="view-failed">
                  <p>{t('error.internal', { detail: error.message })}</p>
                  <button type="button" className="mt-2 font-medium underline" onClick={reset}>
                    {t('dash.retry')}
                  </button>
                </Notice>
              )}
            >
            {section === 'agenda' && <AgendaSection />}
            {section === 'customers' && (route.customerId ? <CustomerPage id={route.customerId} onSaved={reload} /> : <CustomersSection />)}
            {section === 'inbox' && <InboxSection onChanged={notesFiled} />}
            {section === 'import' && <ImportSection onImported={reload} />}
            {section === 'export' && <ExportSection onImported={reload} />}
            {section === 'overview' && <OverviewSection counts={counts} countsError={countsError} onReload={reload} />}
            {section === 'backup' && <BackupSection counts={counts} onImported={reload} />}
            {section === 'settings' && <SettingsSection settings={settings} onSaved={setSettings} />}
            </ErrorBoundary>
          </div>
        </main>
      </div>
      </CadenceContext.Provider>
      </BookContext.Provider>
    </LocaleContext.Provider>
  );
}
