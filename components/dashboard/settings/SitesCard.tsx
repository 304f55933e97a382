import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { ENABLED_SITES_KEY, parseEnabledSites, withoutSite, type EnabledSite } from '@/lib/sites/enablement';
import { useLocale } from '../i18n';
import { Button, Card, Notice } from '../ui';

/** The sites Account Lens runs on (turned on from the popup), each with a way to turn it off. */
export function SitesCard() {
  const { t, locale } = useLocale();
  const [sites, setSites] = useState<EnabledSite[]>();
  const [removed, setRemoved] = useState<string>();

  useEffect(() => {
    const read = async () => setSites(parseEnabledSites((await browser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY]));
    void read();
    // The popup may turn a site on while this page is open.
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ENABLED_SITES_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  async function remove(site: EnabledSite) {
    const stored = parseEnabledSites((await browser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY]);
    await browser.storage.local.set({ [ENABLED_SITES_KEY]: withoutSite(stored, site.origins) });
    // The background unregisters on the list change; a permission the build holds from install cannot be removed.
    await browser.permissions.remove({ origins: site.origins }).catch(() => false);
    setRemoved(site.label);
  }

  const date = (at: number) => new Date(at).toLocaleDateString(locale);
  return (
    <Card title={t('settings.sites.title')} description={t('settings.sites.description')}>
      {sites && sites.length === 0 && (
        <p className="text-sm text-slate-500" data-testid="enabled-sites-empty">
          {t('settings.sites.empty')}
        </p>
      )}
      {sites && sites.length > 0 && (
        <ul className="divide-y divide-slate-100" data-testid="enabled-sites">
          {sites.map((s) => (
            <li key={s.origins.join(' ')} className="flex items-center gap-4 py-2.5" data-testid="enabled-site">
              <div className="min-w-0 flex-1">
                <div className="truncate text-sm font-medium text-slate-900">{s.label}</div>
                <div className="truncate text-xs text-slate-500">
                  {s.origins.map((o) => o.replace(/\/\*$/, '')).join(' · ')} · {t('settings.sites.since', { date: date(s.enabledAt) })}
                </div>
              </div>
              <Button onClick={() => void remove(s)} data-testid="enabled-site-remove">
                {t('settings.sites.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {removed && (
        <div className="mt-3">
          <Notice tone="success" role="status">
            {t('settings.sites.removed', { name: removed })}
          </Notice>
        </div>
      )}
    </Card>
  );
}
