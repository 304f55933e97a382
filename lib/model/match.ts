import { z } from 'zod';
import { Id } from './common';

export const IdentifierKind = z.enum(['licence', 'customerCode', 'uscc', 'mobile', 'email']);
export type IdentifierKindT = z.infer<typeof IdentifierKind>;

/** One identifier a site adapter read on the page. `role` says where it sat (sender, recipient, field). */
export const PageIdentifier = z.object({
  kind: IdentifierKind,
  value: z.string().min(1).max(200),
  role: z.enum(['sender', 'recipient', 'field', 'text']).default('text'),
});
export type PageIdentifier = z.infer<typeof PageIdentifier>;

/** What one frame of a page reported: sent by the content script, validated by the background. */
export const PageSignals = z.object({
  url: z.string().max(4_000),
  title: z.string().max(500).default(''),
  adapter: z.string().max(60),
  identifiers: z.array(PageIdentifier).max(200),
  /** Shop or company names the adapter saw (for search and for "create from this page"). */
  names: z.array(z.string().max(200)).max(20).default([]),
  /** Taught rules that claim this address but found nothing on the page: the panel says so (issue 4). */
  ruleMisses: z.array(z.object({ ruleId: Id, label: z.string().max(200) })).max(50).default([]),
});
export type PageSignals = z.infer<typeof PageSignals>;

/** Why a customer is a candidate by name (lib/match/names): the panel renders it in either language. */
export const NameReason = z.object({
  kind: z.enum(['exact', 'suffix', 'core', 'pinyin', 'initials', 'partial']),
  /** The customer's name or alias that matched. */
  matched: z.string().max(200),
  alias: z.boolean(),
  /** The page's name that matched. */
  query: z.string().max(200),
});
export type NameReason = z.infer<typeof NameReason>;

export const MatchCandidate = z.object({
  customerId: Id,
  name: z.string(),
  confidence: z.number().min(0).max(1),
  /** The identifiers that tie this customer to the page, e.g. licence:440305123456. */
  because: z.array(PageIdentifier),
  /** Set when the page's name, not an identifier, ties them (no identifier matched anyone). */
  nameReason: NameReason.optional(),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const MatchResult = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('none'), identifiers: z.array(PageIdentifier), names: z.array(z.string()) }),
  z.object({
    state: z.literal('matched'),
    customerId: Id,
    confidence: z.number(),
    because: z.array(PageIdentifier),
    chosen: z.boolean(), // true when the manager picked it on this page earlier
    nameReason: NameReason.optional(),
    identifiers: z.array(PageIdentifier),
    names: z.array(z.string()),
  }),
  z.object({
    state: z.literal('ambiguous'),
    candidates: z.array(MatchCandidate),
    identifiers: z.array(PageIdentifier),
    names: z.array(z.string()),
  }),
]);
export type MatchResult = z.infer<typeof MatchResult>;
