import type { SessionStore } from './session-store';

/** A random one-time token (24 bytes, base64url). */
export function newPanelToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

/** How long a panel's first request may wait for its content script's registration to arrive. */
const REGISTRATION_WAIT_MS = 1_500;

/**
 * One-time panel tokens: the content script makes one, puts it in the panel frame's address and
 * registers it here for its tab; the panel presents it with every request. A page that frames
 * panel.html itself has no registered token, and a token is bound to the tab it was registered for.
 */
export class PanelTokens {
  private waiting = new Map<string, (() => void)[]>();

  constructor(private store: SessionStore) {}

  async register(token: string, tabId: number): Promise<void> {
    if ((await this.store.get<number>(`token:${token}`)) !== undefined) return; // one registration per token
    await this.store.set(`token:${token}`, tabId);
    for (const wake of this.waiting.get(token) ?? []) wake();
    this.waiting.delete(token);
  }

  /**
   * The tab a token belongs to. The frame may ask before its content script's registration has been
   * handled (they travel separately), so an unknown token is given a moment before it is refused.
   */
  async tabOf(token: string, waitMs = REGISTRATION_WAIT_MS): Promise<number | undefined> {
    const known = await this.store.get<number>(`token:${token}`);
    if (known !== undefined || waitMs <= 0) return known;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      this.waiting.set(token, [...(this.waiting.get(token) ?? []), () => (clearTimeout(timer), resolve())]);
    });
    this.waiting.delete(token);
    return this.store.get<number>(`token:${token}`);
  }

  async revokeTab(tabId: number): Promise<void> {
    const keys = await this.store.keys('token:');
    const mine: string[] = [];
    for (const k of keys) if ((await this.store.get<number>(k)) === tabId) mine.push(k);
    await this.store.remove(mine);
  }
}
