import type { SessionStore } from './session-store';

/**
 * One-time panel tokens: the content script asks for one and gives it to the panel frame it mounts;
 * the panel presents it with every request. A page that frames panel.html itself has no token, and
 * a token is bound to the tab it was issued for.
 */
export class PanelTokens {
  constructor(private store: SessionStore) {}

  async issue(tabId: number): Promise<string> {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    const token = btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
    await this.store.set(`token:${token}`, tabId);
    return token;
  }

  async tabOf(token: string): Promise<number | undefined> {
    return this.store.get<number>(`token:${token}`);
  }

  async revokeTab(tabId: number): Promise<void> {
    const keys = await this.store.keys('token:');
    const mine: string[] = [];
    for (const k of keys) if ((await this.store.get<number>(k)) === tabId) mine.push(k);
    await this.store.remove(mine);
  }
}
