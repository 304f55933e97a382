import type { EarlyWindow } from '../panel-early';
import './style.css';

/**
 * The panel's entry, kept tiny. Evaluating React takes a good while on a slow office PC, and it
 * competes with the host page for the CPU while that page is still loading:
 * - the app is run only once panel-early.js has had the chance to paint the customer's name (its
 *   answer is in, or 120 ms have passed); for a customer, panel-early.js has started loading its
 *   modules by then;
 * - on a page with no single customer (a list, an inbox) nothing is urgent, so the app waits a little
 *   longer and leaves the CPU to the page while it renders.
 */
const HEADER_WAIT_MS = 120;
const NOT_URGENT_MS = 700;
const early = window as EarlyWindow;
const answered = early.accountLensFirstState?.catch(() => undefined) ?? Promise.resolve();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
void Promise.race([answered, wait(HEADER_WAIT_MS)])
  .then(() => {
    const reply = early.accountLensFirstStateReply as { ok?: boolean; data?: { match?: { state?: string } } } | undefined;
    const urgent = reply?.ok && reply.data?.match?.state === 'matched';
    return urgent ? new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))) : wait(NOT_URGENT_MS);
  })
  .then(() => import('./app'));
