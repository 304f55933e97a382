import { z } from 'zod';
import { Id, ShortText, Timestamp } from './common';
import { IdentifierKind } from './match';
// Pure helpers without dependencies, shared with the content script that applies the rules.
import { regexProblem } from '../rules/regex';
import { isValidPattern } from '../rules/url-pattern';

/** What a taught rule reads: one identifier kind, or the customer's (shop or company) name. */
export const RuleTarget = z.union([IdentifierKind, z.literal('name')]);
export type RuleTarget = z.infer<typeof RuleTarget>;

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
   * `https://order.example.com/customer/*`. The query and fragment are ignored when matching; in the host,
   * `*` is allowed only as a leading `*.` (lib/rules/url-pattern).
   */
  urlPattern: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine(isValidPattern, 'expected an address pattern such as https://host/path/* (in the host, * only as a leading *.)'),
  /** A CSS selector chosen to survive re-rendering (no generated ids or positions where avoidable). */
  selector: z.string().trim().min(1).max(1_000),
  target: RuleTarget,
  /** Optional: a regular expression applied to the element's text; its first group (or whole match) is the value. */
  extract: z
    .string()
    .max(300)
    .refine((s) => regexProblem(s) !== 'syntax', 'not a valid regular expression')
    .refine((s) => regexProblem(s) !== 'nested', 'a repeated group that itself repeats can freeze the page; simplify the pattern')
    .optional(),
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
