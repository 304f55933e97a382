import { lastLoadPhases, nameEntryOf, openNameIndex, saveNameSnapshot, syncNameIndex } from '../db/name-snapshot';
import type { NameCandidate, NameEntry, NameIndex } from '../match/names/name-index';

/**
 * The fuzzy-name index in the background (issue 4): loaded from its snapshot when the worker starts,
 * asked when a page's identifiers match no one, kept current after writes. A failed load is retried on
 * the next question rather than leaving name matching off until the worker restarts.
 */
export function createNameService(
  open: () => Promise<{ index: NameIndex; fresh: Promise<NameIndex> }> = openNameIndex,
  sync: (i: NameIndex) => Promise<NameIndex> = syncNameIndex,
) {
  let current: Promise<NameIndex> | undefined;
  /** Since the worker's time origin, i.e. its start, the evaluation of the background bundle included. */
  let readyAfterMs: number | undefined;
  /** The stored index answers at once; the caught-up one (usually the same object) replaces it when checked. */
  const load = () =>
    open().then(({ index, fresh }) => {
      const swap = fresh.then((f) => (current = Promise.resolve(f)));
      swap.catch((err) => console.warn('[account-lens] name index not brought up to date', err));
      return index;
    });
  const ready = () => {
    current ??= load().then(
      (index) => {
        readyAfterMs ??= performance.now();
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
    status: async () => {
      const { size } = await ready();
      return { readyAfterMs, size, phases: { ...lastLoadPhases } };
    },
  };
}
export type NameService = ReturnType<typeof createNameService>;
