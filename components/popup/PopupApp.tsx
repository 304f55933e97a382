import { useCallback, useEffect, useMemo, useState } from 'react';
import browser from 'webextension-polyfill';
import { resolveLocale, translator, type Translate } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { PopupState } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/model/settings';
import { ADAPTERS } from '@/lib/sites/registry';
import { ENABLED_SITES_KEY, enabledSiteFor, parseEnabledSites, proposeSite, withSite, withoutSite, type EnabledSite } from '@/lib/sites/enablement';
import { BrandMark, Button, Icon, cx, focusRing } from '../panel/ui';
import { QuickCapture } from './QuickCapture';

/** The local demo and test hosts run without being enabled (demo build only; see wxt.config.ts). */
const isDemoHost = (url: URL) => url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');

interface TabInfo {
  id: number;
  url: string;
  title: string;
}

/** The tab the popup belongs to: the active tab, or `?tab=<id>` when the popup is opened as a page (tests). */
async function currentTab(): Promise<TabInfo | undefined> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  const tab = forced ? await browser.tabs.get(forced) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '', title: tab.title ?? '' } : undefined;
}

/** The text selected in the tab's top frame; the popup's activeTab grant (or the site's permission) allows reading it. */
async function selectionIn(tabId: number): Promise<string> {
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: () => String(getSelection() ?? '').slice(0, 20_000) });
    return typeof first?.result === 'string' ? first.result.trim() : '';
  } catch {
    return ''; // the browser's own pages, or no access: capture without it
  }
}

async function readSites(): Promise<EnabledSite[]> {
  return parseEnabledSites((await browser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY]);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The toolbar popup: whether Account Lens runs on this site (and the switch), the customer it sees here,
 * teaching a site without an adapter, and the way to the dashboard.
 */
export function PopupApp({ settings }: { settings: Settings }) {
  const t = useMemo<Translate>(() => translator(resolveLocale(settings.locale, navigator.languages)), [settings.locale]);
  const [tab, setTab] = useState<TabInfo | null | undefined>();
  const [sites, setSites] = useState<EnabledSite[]>([]);
  const [state, setState] = useState<PopupState>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [selection, setSelection] = useState('');
  const [saved, setSaved] = useState<string>();

  const refresh = useCallback(async () => {
    const found = (await currentTab().catch(() => undefined)) ?? null;
    setTab(found);
    setSites(await readSites());
    if (found) {
      void selectionIn(found.id).then(setSelection);
      setState(await request<PopupState>({ type: 'popup/state', tabId: found.id }).catch(() => undefined));
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  if (tab === undefined) return <div className="h-24" />;
  const url = (() => {
    try {
      return tab ? new URL(tab.url) : undefined;
    } catch {
      return undefined;
    }
  })();
  const proposal = proposeSite(tab?.url ?? '');
  const demo = url ? isDemoHost(url) : false;
  const enabled = tab ? enabledSiteFor(tab.url, sites) : undefined;
  const adapterHere = url && ADAPTERS.find((a) => a.id !== 'generic' && a.matches(url));

  async function enable(then?: () => Promise<void>) {
    if (!tab || !proposal.ok) return;
    setBusy(true);
    setMessage(undefined);
    try {
      // First, while the click still counts as a gesture: Chrome asks the manager for this site only.
      const granted = await browser.permissions.request({ origins: proposal.site.origins });
      if (!granted) return setMessage(t('popup.denied'));
      const next = withSite(await readSites(), { ...proposal.site, enabledAt: Date.now() });
      await browser.storage.local.set({ [ENABLED_SITES_KEY]: next });
      // The background registers the content script for later pages; this page gets it now, no reload needed.
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['/content-scripts/content.js'] }).catch(() => undefined);
      setSites(next);
      await then?.();
    } catch (err) {
      setMessage(t('popup.enableFailed', { detail: errorText(err) }));
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    if (!tab || !enabled) return;
    setBusy(true);
    try {
      const next = withoutSite(await readSites(), enabled.origins);
      await browser.storage.local.set({ [ENABLED_SITES_KEY]: next });
      // A permission the build holds from install cannot be removed; the list alone then keeps the site off.
      await browser.permissions.remove({ origins: enabled.origins }).catch(() => false);
      setSites(next);
      await browser.tabs.reload(tab.id);
    } finally {
      setBusy(false);
    }
  }

  async function teach() {
    if (!tab) return;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/teach-picker.js'] });
      window.close();
    } catch (err) {
      setMessage(t('popup.teach.failed', { detail: errorText(err) }));
    }
  }

  const openDashboard = (hash = '') => void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) }).then(() => window.close());
  const running = demo || !!enabled;

  return (
    <div className="flex flex-col" data-testid="popup" data-site-state={!proposal.ok ? 'unsupported' : running ? 'enabled' : 'disabled'}>
      <header className="flex items-center gap-2 border-b border-slate-100 px-4 py-3">
        <BrandMark />
        <span className="text-[13px] font-semibold text-slate-800">{t('popup.title')}</span>
        <button
          type="button"
          onClick={() => openDashboard()}
          className={cx('ml-auto rounded-md px-2 py-1 text-[12px] text-blue-700 hover:bg-blue-50', focusRing)}
          data-testid="popup-dashboard"
        >
          {t('popup.openDashboard')}
        </button>
      </header>

      {saved ? (
        <p className="flex items-center gap-2 bg-emerald-50 px-4 py-3 text-[13px] font-medium text-emerald-800" role="status" data-testid="capture-saved">
          <span aria-hidden="true">✓</span>
          {saved}
        </p>
      ) : (
        <QuickCapture
          t={t}
          tabId={tab?.id}
          page={tab ? { url: tab.url, title: tab.title } : undefined}
          matched={running && state?.match.state === 'matched' && state.customerName ? { id: state.match.customerId, name: state.customerName } : undefined}
          selection={selection}
          onSaved={(text) => {
            setSaved(text);
            setTimeout(() => window.close(), 1_200);
          }}
        />
      )}

      <section className="space-y-3 border-t border-slate-100 px-4 py-3">
        {!proposal.ok ? (
          <p className="text-[13px] text-slate-500">{t('popup.site.unsupported')}</p>
        ) : (
          <>
            <div className="flex items-center gap-2">
              <span className={cx('h-2 w-2 shrink-0 rounded-full', running ? 'bg-emerald-500' : 'bg-slate-300')} aria-hidden="true" />
              <div className="min-w-0">
                <div className="truncate text-[13px] font-medium text-slate-900" data-testid="popup-site">
                  {proposal.site.adapterId ? proposal.site.label : url?.hostname}
                </div>
                <div className="text-[12px] text-slate-500">{demo ? t('popup.site.demo') : enabled ? t('popup.site.enabled') : t('popup.site.disabled')}</div>
              </div>
              {enabled && !demo && (
                <Button variant="ghost" className="ml-auto text-[12px]" disabled={busy} onClick={() => void disable()} data-testid="popup-disable">
                  {t('popup.disable')}
                </Button>
              )}
            </div>
            {!running && (
              <>
                <p className="text-[12px] leading-relaxed text-slate-500">{t('popup.site.disabledHint')}</p>
                <Button className="w-full" disabled={busy} onClick={() => void enable()} data-testid="popup-enable">
                  {proposal.site.adapterId ? t('popup.enable.webmail', { name: proposal.site.label }) : t('popup.enable')}
                </Button>
              </>
            )}
          </>
        )}
        {message && (
          <p className="flex items-start gap-1.5 rounded-md bg-amber-50 px-2.5 py-2 text-[12px] text-amber-800" role="alert" data-testid="popup-message">
            <Icon name="alert" className="mt-0.5 h-3.5 w-3.5 shrink-0" />
            {message}
          </p>
        )}
      </section>

      {running && state && state.match.state !== 'idle' && (
        <section className="border-t border-slate-100 px-4 py-3" data-testid="popup-match" data-state={state.match.state}>
          {state.match.state === 'matched' ? (
            <div className="flex items-center gap-2">
              <div className="min-w-0">
                <div className="text-[12px] text-slate-500">{t('popup.match.matched')}</div>
                <div className="truncate text-[14px] font-semibold text-slate-900">{state.customerName}</div>
              </div>
              <Button
                variant="secondary"
                className="ml-auto shrink-0 text-[12px]"
                onClick={() => state.match.state === 'matched' && openDashboard(`#customer/${encodeURIComponent(state.match.customerId)}`)}
              >
                {t('popup.openCustomer')}
              </Button>
            </div>
          ) : (
            <p className="text-[12px] text-slate-600">
              {state.match.state === 'ambiguous' ? t('popup.match.ambiguous', { count: state.match.candidates.length }) : t('popup.match.none')}
            </p>
          )}
        </section>
      )}

      {proposal.ok && !adapterHere && (
        <section className="border-t border-slate-100 bg-slate-50/60 px-4 py-3">
          <p className="mb-2 text-[12px] leading-relaxed text-slate-500">{t('popup.teach.hint')}</p>
          <Button
            variant="secondary"
            className="w-full"
            disabled={busy}
            data-testid="popup-teach"
            onClick={() => void (running ? teach() : enable(teach))}
          >
            {t('popup.teach')}
          </Button>
        </section>
      )}
    </div>
  );
}
