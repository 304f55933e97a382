import { customerNames, findByIdentifiers, getPageChoice } from '../db/customers';
import { decideMatch, pageKeyOf } from '../match/matcher';
import type { NameCandidate } from '../match/names/name-index';
import type { MatchResult, PageIdentifier, PageSignals } from '../model';
import type { SessionStore } from './session-store';

/** What the background knows about one tab: each frame's signals and the match over all of them. */
/** One frame's latest report; `at` is when the background received it (epoch ms). */
export interface FrameReport {
  signals: PageSignals;
  at: number;
}
export type Frames = Record<string, FrameReport>;

export interface TabState {
  frames: Frames;
  pageKey: string;
  page: { url: string; title: string };
  match: MatchResult;
}

const key = (tabId: number) => `tab:${tabId}`;

export function mergeFrames(frames: Frames): { identifiers: PageIdentifier[]; names: string[] } {
  const seen = new Set<string>();
  const identifiers: PageIdentifier[] = [];
  const names = new Set<string>();
  // Top frame (id 0) first, then subframes in the order they reported.
  for (const frameId of Object.keys(frames).sort((a, b) => Number(a) - Number(b))) {
    for (const id of frames[frameId].signals.identifiers) {
      const k = `${id.kind}:${id.value}`;
      if (!seen.has(k)) identifiers.push(id);
      seen.add(k);
    }
    for (const n of frames[frameId].signals.names) if (n.trim()) names.add(n.trim());
  }
  return { identifiers, names: [...names] };
}

/** The page a remembered choice belongs to: the first frame that shows identifiers (a mail's own frame), else the top. */
function pageOf(frames: Frames): PageSignals | undefined {
  const ordered = Object.keys(frames)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => frames[k].signals);
  return ordered.find((f) => f.identifiers.length > 0) ?? frames['0']?.signals ?? ordered[0];
}

/** Customers whose names fit the page's names (the background's name index); absent in tests that do not need it. */
export type NameLookup = (names: string[]) => Promise<NameCandidate[]>;

export async function computeMatch(frames: Frames, lookupNames?: NameLookup): Promise<Omit<TabState, 'frames'>> {
  const { identifiers, names } = mergeFrames(frames);
  const page = pageOf(frames);
  const pageKey = page ? pageKeyOf(page.url) : '';
  const top = frames['0']?.signals ?? page;
  const [{ hits, names: known }, chosen] = await Promise.all([
    findByIdentifiers(identifiers),
    pageKey ? getPageChoice(pageKey) : undefined,
  ]);
  // Names are known for customers found by their own identifiers; only contacts' customers and a
  // remembered choice need another read.
  const missing = [...hits.keys(), ...(chosen ? [chosen] : [])].filter((id) => !known.has(id));
  if (missing.length) for (const [id, name] of await customerNames(missing)) known.set(id, name);
  // Names are the fallback: asked only when no identifier matched anyone and the manager chose no one.
  const nameCandidates = hits.size === 0 && !chosen && names.length && lookupNames ? await lookupNames(names).catch(() => []) : undefined;
  const match = decideMatch({ identifiers, names, hits, customerNames: known, chosenCustomerId: chosen, nameCandidates });
  return { pageKey, page: { url: top?.url ?? '', title: top?.title ?? '' }, match };
}

/**
 * Per-tab state, mirrored to session storage. Updates for one tab are serialised so two frames
 * reporting at once cannot overwrite each other.
 */
export class TabStates {
  private queues = new Map<number, Promise<unknown>>();
  /** Read-through mirror of the session store: the store is an IPC away, this worker's memory is not. */
  private memory = new Map<number, TabState>();

  constructor(
    private store: SessionStore,
    private lookupNames?: NameLookup,
  ) {}

  async get(tabId: number): Promise<TabState | undefined> {
    const cached = this.memory.get(tabId);
    if (cached) return cached;
    const stored = await this.store.get<TabState>(key(tabId));
    if (stored) this.memory.set(tabId, stored);
    return stored;
  }

  /** Apply `change` to the tab's frames, rematch, save; resolves to [before, after]. */
  update(
    tabId: number,
    change: (frames: Frames) => Frames,
  ): Promise<[TabState | undefined, TabState]> {
    const run = async (): Promise<[TabState | undefined, TabState]> => {
      const before = await this.get(tabId);
      const frames = change(structuredClone(before?.frames ?? {}));
      const after: TabState = { frames, ...(await computeMatch(frames, this.lookupNames)) };
      this.memory.set(tabId, after);
      await this.store.set(key(tabId), after);
      return [before, after];
    };
    const next = (this.queues.get(tabId) ?? Promise.resolve()).then(run, run);
    this.queues.set(tabId, next.catch(() => undefined));
    return next;
  }

  async tabIds(): Promise<number[]> {
    return (await this.store.keys('tab:')).map((k) => Number(k.slice(4)));
  }

  async forget(tabId: number): Promise<void> {
    this.queues.delete(tabId);
    this.memory.delete(tabId);
    await this.store.remove([key(tabId)]);
  }
}
