import browser from 'webextension-polyfill';

/**
 * State that must survive the service worker being stopped (design.md rule 1) but not the browser
 * session: per-tab match state and panel tokens. storage.session is not readable by content scripts.
 */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(keys: string[]): Promise<void>;
  keys(prefix: string): Promise<string[]>;
}

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

/** In-memory store for unit tests. */
export function memorySessionStore(): SessionStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get<T>(key: string) {
      return structuredClone(data.get(key)) as T | undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const k of keys) data.delete(k);
    },
    async keys(prefix) {
      return [...data.keys()].filter((k) => k.startsWith(prefix));
    },
  };
}
