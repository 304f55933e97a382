import { StrictMode, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLocale, translator } from '../../lib/i18n';
import { PanelView } from '../../components/panel/PanelView';
import { usePanelState, useSettings } from '../../components/panel/usePanelState';
import { request } from '../../lib/messaging/client';
import type { PanelState } from '../../lib/messaging/protocol';
import { loadSettings } from '../../lib/settings';
import './style.css';

/** The content script opens `panel.html#<token>`; the token is read once and never shown. */
const TOKEN = location.hash.slice(1);
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
// Ask for the tab's state and the settings now, while React is still starting: the answers are
// usually back by the first render.
performance.mark('panel:start');
const EARLY_STATE = TOKEN ? request<PanelState>({ type: 'panel/state', token: TOKEN }) : undefined;
EARLY_STATE?.then(() => performance.mark('panel:state'));
EARLY_STATE?.catch(() => undefined); // handled where it is used; avoid an unhandled-rejection report
const EARLY_SETTINGS = loadSettings();
void EARLY_SETTINGS.then(() => performance.mark('panel:settings'));

function App() {
  const settings = useSettings(EARLY_SETTINGS);
  const locale = resolveLocale(settings?.locale ?? 'auto', navigator.languages);
  const t = useMemo(() => translator(locale), [locale]);
  const panel = usePanelState(TOKEN, EARLY_STATE);

  // When the customer was first on screen (epoch ms): read by `npm run bench`, harmless otherwise.
  const matchedId = panel.state?.match.state === 'matched' && panel.state.view ? panel.state.match.customerId : undefined;
  useEffect(() => {
    if (matchedId) document.documentElement.dataset.shownAt = String(Math.round(performance.timeOrigin + performance.now()));
  }, [matchedId]);

  useEffect(() => {
    document.documentElement.lang = locale;
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
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
