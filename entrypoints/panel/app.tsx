import { StrictMode, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { panelTranslator } from '../../lib/i18n/panel-bundle';
import { resolveLocale } from '../../lib/i18n/translate';
import { PanelView } from '../../components/panel/PanelView';
import { usePanelState, useSettings } from '../../components/panel/usePanelState';
import { request, unwrapReply } from '../../lib/messaging/client';
import type { PanelState } from '../../lib/messaging/protocol';
import { loadSettings, parseStoredSettings, SETTINGS_KEY } from '../../lib/settings';
import type { EarlyWindow } from '../panel-early';

/** The content script opens `panel.html#<token>`; the token is read once and never shown. */
const TOKEN = location.hash.slice(1);
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
// The tab's state was asked for by panel-early.js before this bundle loaded; settings are read now,
// while React starts. Both answers are usually back by the first render.
performance.mark('panel:start');
const early = window as EarlyWindow;
const sentEarly = early.accountLensFirstState;
const askState = () => request<PanelState>({ type: 'panel/state', token: TOKEN });
const EARLY_STATE = TOKEN ? (sentEarly ? sentEarly.then((r) => unwrapReply<PanelState>(r)).catch(askState) : askState()) : undefined;
EARLY_STATE?.then(() => performance.mark('panel:state'));
EARLY_STATE?.catch(() => undefined); // handled where it is used; avoid an unhandled-rejection report

/** Answers already in when this bundle started: the first render uses them (no loading frame). */
function settledState(): PanelState | undefined {
  try {
    return early.accountLensFirstStateReply === undefined ? undefined : unwrapReply<PanelState>(early.accountLensFirstStateReply);
  } catch {
    return undefined;
  }
}
const SETTLED_SETTINGS = early.accountLensFirstSettingsValue && parseStoredSettings(early.accountLensFirstSettingsValue[SETTINGS_KEY]);
// The settled object itself, not a second parse of it: an equal but new object would render the whole
// panel again right after its first render.
const EARLY_SETTINGS = SETTLED_SETTINGS
  ? Promise.resolve(SETTLED_SETTINGS)
  : early.accountLensFirstSettings
    ? early.accountLensFirstSettings.then((stored) => parseStoredSettings((stored as Record<string, unknown>)[SETTINGS_KEY])).catch(() => loadSettings())
    : loadSettings();
void EARLY_SETTINGS.then(() => performance.mark('panel:settings'));

function App() {
  const settings = useSettings(EARLY_SETTINGS, SETTLED_SETTINGS);
  const locale = resolveLocale(settings?.locale ?? 'auto', navigator.languages);
  const t = useMemo(() => panelTranslator(locale), [locale]);
  const panel = usePanelState(TOKEN, EARLY_STATE, useMemo(settledState, []));

  // When the customer was first on screen (epoch ms): read by `npm run bench`, harmless otherwise.
  const matchedId = panel.state?.match.state === 'matched' && panel.state.view ? panel.state.match.customerId : undefined;
  useEffect(() => {
    // The early script may have shown the name already; that moment counts.
    if (matchedId) document.documentElement.dataset.shownAt ??= String(Math.round(performance.timeOrigin + performance.now()));
  }, [matchedId]);
  // When the whole conversation view (talking points, tasks, needs) was first painted: the frame after
  // React committed it (read by `npm run bench`, section "conversation").
  const viewReady = matchedId !== undefined && panel.phase === 'ready';
  useEffect(() => {
    if (!viewReady || document.documentElement.dataset.profileAt) return;
    requestAnimationFrame(() => setTimeout(() => (document.documentElement.dataset.profileAt ??= String(performance.timeOrigin + performance.now()))));
  }, [viewReady]);

  useEffect(() => {
    // Setting the root's lang, even to the value it has, restyles the whole panel (measured).
    if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
    document.title = t('appName');
  }, [locale, t]);

  return (
    <PanelView
      t={t}
      locale={locale}
      phase={settings ? panel.phase : 'loading'}
      state={panel.state}
      error={panel.error}
      pendingNotes={panel.pendingNotes}
      picking={panel.picking}
      actions={panel.actions}
      isMac={IS_MAC}
      reminderDayTime={settings?.reminders.dayTime}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
