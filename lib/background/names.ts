import { loadNameIndex, nameEntryOf, saveNameSnapshot, syncNameIndex } from '../db/name-snapshot';
import type { NameCandidate, NameEntry, NameIndex } from '../match/names/name-index';

/**
 * The fuzzy-name index in the background (issue 4): loaded from its snapshot when the worker starts,
 * asked when a page's identifiers match no one, kept current after writes. A failed load is retried on
 * the next question rather than leaving name matching off until the worker restarts.
 */
export function createNameService(load: () => Promise<NameIndex> = loadNameIndex, sync: (i: NameIndex) => Promise<NameIndex> = syncNameIndex) {
  let current: Promise<NameIndex> | undefined;
  const startedAt = performance.now();
  let readyAfterMs: number | undefined;
  const ready = () => {
    current ??= load().then(
      (index) => {
        readyAfterMs ??= performance.now() - startedAt;
        return index;
      },
      (err) => {
        current = undefined;
        throw err;
      },
    );
    return current;
  };
  return {
    /** Starts loading now (at worker start), so the first page that needs it does not wait for it. */
    warm: () => void ready().catch((err) => console.warn('[account-lens] name index not loaded', err)),
    lookup: async (names: string[]): Promise<NameCandidate[]> => (await ready()).match(names),
    /** After the dashboard wrote customers: catch up with the edits (or rebuild), then save the snapshot. */
    refresh: () => {
      if (!current) return;
      const before = current;
      current = before.then(sync).catch(() => load());
      void current.then((i) => saveNameSnapshot(i)).catch(() => undefined);
    },
    /** After a backup was restored (its snapshot cleared): built again from the customers. */
    reload: () => {
      current = load();
      current.catch(() => (current = undefined));
    },
    /** A customer created or renamed here (panel): into the index at once. */
    upsert: async (row: NameEntry & Parameters<typeof nameEntryOf>[0]) => {
      const index = await ready();
      index.upsert(nameEntryOf(row));
    },
    /** For the benchmark: how long after the worker started the index was ready, and its size. */
    status: async () => ({ readyAfterMs, size: (await ready()).size }),
  };
}
export type NameService = ReturnType<typeof createNameService>;
