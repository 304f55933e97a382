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
