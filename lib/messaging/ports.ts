import type { MatchResult } from '../model/match';

/**
 * The panel's port to the background (kept free of zod: the panel loads it on every page).
 * The panel connects with this name, posts `{ type: 'subscribe', token }`, and hears a push whenever
 * its tab's match changes.
 */
export const PANEL_PORT = 'panel';

export interface PanelPush {
  type: 'panel/changed';
  match: MatchResult;
}

export const isPanelPush = (msg: unknown): msg is PanelPush =>
  typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'panel/changed';
