import browser from 'webextension-polyfill';
import type { SessionStore } from './session-store';

/** storage.session: survives the worker being stopped, not the browser; content scripts cannot read it. */
export const browserSessionStore: SessionStore = {
  async get<T>(key: string) {
    return (await browser.storage.session.get(key))[key] as T | undefined;
  },
  async set(key, value) {
    await browser.storage.session.set({ [key]: value });
  },
  async remove(keys) {
    await browser.storage.session.remove(keys);
  },
  async keys(prefix) {
    return Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(prefix));
  },
};
