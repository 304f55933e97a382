import { useEffect, useMemo, useState } from 'react';
import { resolveLocale, translator, type MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/model/settings';
import { watchSettings } from '@/lib/settings';
import { BackupSection } from './BackupSection';
import { useCounts } from './counts';
import { LocaleContext } from './i18n';
import { OverviewSection } from './OverviewSection';
import { SettingsSection } from './SettingsSection';
import { Icon, LogoMark, cx, focusRing, type IconName } from './ui';

export const SECTIONS = ['overview', 'backup', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

const NAV: Record<Section, { label: MessageKey; icon: IconName }> = {
  overview: { label: 'dash.nav.overview', icon: 'overview' },
  backup: { label: 'dash.nav.backup', icon: 'backup' },
  settings: { label: 'dash.nav.settings', icon: 'settings' },
};

/** `#backup` → 'backup'; anything unknown opens the overview. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'overview';
}

function useSection(): Section {
  const [section, setSection] = useState(() => sectionFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return section;
}

export function DashboardApp({ initialSettings }: { initialSettings: Settings }) {
  const [settings, setSettings] = useState(initialSettings);
  const section = useSection();
  const { counts, error: countsError, reload } = useCounts();

  useEffect(() => watchSettings(setSettings), []);

  const locale = resolveLocale(settings.locale, navigator.languages);
  const ctx = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const { t } = ctx;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t(NAV[section].label)} · ${t('appName')}`;
  }, [locale, section, t]);

  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [section]);

  return (
    <LocaleContext.Provider value={ctx}>
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
          <div className="mx-auto max-w-4xl px-10 py-9">
            {section === 'overview' && <OverviewSection counts={counts} countsError={countsError} onReload={reload} />}
            {section === 'backup' && <BackupSection counts={counts} onImported={reload} />}
            {section === 'settings' && <SettingsSection settings={settings} onSaved={setSettings} />}
          </div>
        </main>
      </div>
    </LocaleContext.Provider>
  );
}
