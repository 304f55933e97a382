import type { MatchCandidate, MatchResult, PageIdentifier } from '../model/match';
import { nameWinner, type NameCandidate } from './names/name-index';

/**
 * How much one identifier kind alone says that the page is about a customer. Licence, credit code and
 * the company's own code are unique by construction; an email or mobile can be shared (a family, an
 * office mailbox), so they weigh less and several customers on one of them make the page ambiguous.
 */
export const KIND_WEIGHT: Record<PageIdentifier['kind'], number> = {
  licence: 0.99,
  uscc: 0.99,
  customerCode: 0.97,
  email: 0.9,
  mobile: 0.85,
};
const STRONG = new Set<PageIdentifier['kind']>(['licence', 'uscc', 'customerCode']);

/** Below this, nothing is linked automatically: the panel asks. */
export const AUTO_LINK_THRESHOLD = 0.8;

export function confidenceOf(because: PageIdentifier[]): number {
  // Independent pieces of evidence combine: 1 - Π(1 - w).
  const miss = because.reduce((m, id) => m * (1 - KIND_WEIGHT[id.kind]), 1);
  return Math.round((1 - miss) * 1000) / 1000;
}

export interface MatchInput {
  identifiers: PageIdentifier[];
  names: string[];
  /** Customer id → the page identifiers that point at it (from the identifier index). */
  hits: Map<string, PageIdentifier[]>;
  customerNames: Map<string, string>;
  /** The manager's earlier choice for this page, if any. */
  chosenCustomerId?: string;
  /**
   * Customers whose name fits the page's names, best first (lib/match/names), asked only when no
   * identifier matched anyone. Linked automatically only when the best is sure and clearly ahead.
   */
  nameCandidates?: readonly NameCandidate[];
}

/** Decide which customer a page is about. Pure: the background feeds it index hits. */
export function decideMatch(input: MatchInput): MatchResult {
  const { identifiers, names, hits, customerNames, chosenCustomerId } = input;
  const candidates: MatchCandidate[] = [...hits]
    .filter(([id]) => customerNames.has(id))
    .map(([customerId, because]) => ({
      customerId,
      name: customerNames.get(customerId)!,
      confidence: confidenceOf(because),
      because,
    }))
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name, 'zh-CN'));

  if (chosenCustomerId && customerNames.has(chosenCustomerId)) {
    const chosen = candidates.find((c) => c.customerId === chosenCustomerId);
    return {
      state: 'matched',
      customerId: chosenCustomerId,
      confidence: 1,
      because: chosen?.because ?? [],
      chosen: true,
      identifiers,
      names,
    };
  }
  if (candidates.length === 0) {
    const byName = input.nameCandidates ?? [];
    if (byName.length === 0) return { state: 'none', identifiers, names };
    const winner = nameWinner(byName);
    if (winner) return { state: 'matched', customerId: winner.customerId, confidence: winner.confidence, because: [], chosen: false, nameReason: winner.reason, identifiers, names };
    return {
      state: 'ambiguous',
      candidates: byName.slice(0, 10).map((c) => ({ customerId: c.customerId, name: c.name, confidence: c.confidence, because: [], nameReason: c.reason })),
      identifiers,
      names,
    };
  }

  const [top, second] = candidates;
  const strong = (c: MatchCandidate) => c.because.some((b) => STRONG.has(b.kind));
  // One customer, or one customer held by a unique identifier while the others share only a phone or mail.
  const clearWinner = !second || (strong(top) && !strong(second));
  if (clearWinner && top.confidence >= AUTO_LINK_THRESHOLD) {
    return { state: 'matched', customerId: top.customerId, confidence: top.confidence, because: top.because, chosen: false, identifiers, names };
  }
  return { state: 'ambiguous', candidates: candidates.slice(0, 10), identifiers, names };
}

/**
 * Where a remembered choice applies: the page's address, since old systems carry the record id in the
 * query (readmail?mailid=…) and single-page apps in the fragment (#msg=…); tracking parameters dropped.
 */
export function pageKeyOf(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|spm$|from$|_t$|t$)/.test(k)) u.searchParams.delete(k);
    u.searchParams.sort();
    return `${u.origin}${u.pathname}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}
