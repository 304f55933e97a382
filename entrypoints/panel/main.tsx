import type { EarlyWindow } from '../panel-early';
import './style.css';

/**
 * The panel's entry, kept tiny. Evaluating React takes the main thread for a good while on a slow
 * office PC, so the app is loaded only once panel-early.js has had the chance to paint the customer's
 * name (its answer is in, or 120 ms have passed).
 */
const HEADER_WAIT_MS = 120;
const early = window as EarlyWindow;
const answered = early.accountLensFirstState?.catch(() => undefined) ?? Promise.resolve();
void Promise.race([answered, new Promise((r) => setTimeout(r, HEADER_WAIT_MS))])
  .then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
  .then(() => import('./app'));
