import { z } from 'zod';
import { Id, ShortText, Timestamp } from './common';
import { IdentifierKind } from './match';

/** What a taught rule reads: one identifier kind, or the customer's (shop or company) name. */
export const RuleTarget = z.union([IdentifierKind, z.literal('name')]);
export type RuleTarget = z.infer<typeof RuleTarget>;

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

/**
 * A "teach this page" rule (issue 4): on pages whose address fits `urlPattern`, the element(s) that
 * `selector` finds show the customer's identifier or name. Rules are data: listed, edited, exported and
 * imported between managers, so every field is validated here, at the boundary.
 */
export const SiteRule = z.object({
  id: Id,
  /** The manager's label, e.g. "订货系统 · 客户编码". */
  label: ShortText.min(1),
  /**
   * Where it applies: `scheme://host/path` with `*` as a wildcard for any run of characters, e.g.
   * `https://order.example.com/customer/*`. The query and fragment are ignored when matching.
   */
  urlPattern: z.string().trim().min(1).max(500).regex(/^(https?|\*):\/\/[^/\s]+(\/\S*)?$/, 'expected an address pattern such as https://host/path/*'),
  /** A CSS selector chosen to survive re-rendering (no generated ids or positions where avoidable). */
  selector: z.string().trim().min(1).max(1_000),
  target: RuleTarget,
  /** Optional: a regular expression applied to the element's text; its first group (or whole match) is the value. */
  extract: z.string().max(300).refine(compiles, 'not a valid regular expression').optional(),
  enabled: z.boolean().default(true),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SiteRule = z.infer<typeof SiteRule>;
export type SiteRuleInput = z.input<typeof SiteRule>;

/** The file a team shares: `account-lens-rules.json`. */
export const RULES_FORMAT = 'account-lens-rules';
export const RulesFile = z.object({
  format: z.literal(RULES_FORMAT),
  version: z.literal(1),
  exportedAt: Timestamp,
  rules: z.array(SiteRule).max(1_000),
});
export type RulesFile = z.infer<typeof RulesFile>;
