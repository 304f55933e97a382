import type { MessageKey } from '../i18n';
import { newId } from '../model/common';
import { RULES_FORMAT, RulesFile, SiteRule } from '../model/rules';
import { isValidSelector } from './selector';

/**
 * Taught rules travel between managers as `account-lens-rules.json` (RulesFile). Reading one says
 * precisely what is wrong, down to the rule and the field, so a team can fix a shared file by hand.
 */

export const RULES_FILE_VERSION = 1;

/** The rules as the text of a rules file (validated on the way out, so the file always reads back). */
export function exportRules(rules: readonly SiteRule[], now = Date.now()): string {
  const file = RulesFile.parse({ format: RULES_FORMAT, version: RULES_FILE_VERSION, exportedAt: now, rules });
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `account-lens-rules-YYYYMMDD.json` in the manager's local time. */
export function rulesFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `account-lens-rules-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}

/** Fields of a rule, for naming the one that is wrong (the dashboard translates them: `rules.field.<name>`). */
export const RULE_FIELDS = ['label', 'urlPattern', 'selector', 'target', 'extract', 'enabled', 'id', 'createdAt', 'updatedAt'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export type RulesFileErrorKey = Extract<
  MessageKey,
  'rules.file.notJson' | 'rules.file.notRules' | 'rules.file.otherFormat' | 'rules.file.version' | 'rules.file.noList' | 'rules.file.tooMany' | 'rules.file.invalidRule' | 'rules.file.notObject'
>;

export type ParsedRules =
  | { rules: SiteRule[] }
  | {
      /** A message key; `params` fill its placeholders (`field` is a RuleField to translate first). */
      error: RulesFileErrorKey;
      params: Record<string, string | number>;
      /** The parser's or validator's own words, for the curious and for bug reports. */
      detail: string;
    };

const MAX_RULES = 1_000;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a rules file. Rules written by hand may leave out `id`, `createdAt` and `updatedAt` (they are
 * filled in; ids are replaced on import anyway); every other field is checked as SiteRule checks it,
 * and selectors are checked for syntax where a DOM is at hand (the dashboard).
 */
export function parseRulesFile(text: string, now = Date.now()): ParsedRules {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { error: 'rules.file.notJson', params: {}, detail: err instanceof Error ? err.message : String(err) };
  }
  if (!isRecord(data)) return { error: 'rules.file.notRules', params: {}, detail: 'not a JSON object' };
  if (data.format !== RULES_FORMAT) {
    const found = typeof data.format === 'string' ? data.format.slice(0, 60) : '';
    // Another file of ours (a backup, a handover) deserves a clearer word than "not a rules file".
    if (found.startsWith('account-lens')) return { error: 'rules.file.otherFormat', params: { format: found }, detail: `format ${found}` };
    return { error: 'rules.file.notRules', params: {}, detail: `format ${found || '(missing)'}` };
  }
  if (data.version !== RULES_FILE_VERSION) {
    const version = typeof data.version === 'number' || typeof data.version === 'string' ? String(data.version).slice(0, 20) : '?';
    return { error: 'rules.file.version', params: { version, supported: RULES_FILE_VERSION }, detail: `version ${version}` };
  }
  if (!Array.isArray(data.rules)) return { error: 'rules.file.noList', params: {}, detail: 'rules is not a list' };
  if (data.rules.length > MAX_RULES) return { error: 'rules.file.tooMany', params: { count: data.rules.length, max: MAX_RULES }, detail: '' };

  const rules: SiteRule[] = [];
  for (let i = 0; i < data.rules.length; i++) {
    const raw = data.rules[i];
    const n = i + 1;
    if (!isRecord(raw)) return { error: 'rules.file.notObject', params: { n }, detail: `rule ${n} is not an object` };
    const parsed = SiteRule.safeParse({ id: newId(), createdAt: now, updatedAt: now, ...raw });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue.path[0] ?? '');
      return {
        error: 'rules.file.invalidRule',
        params: { n, field: (RULE_FIELDS as readonly string[]).includes(field) ? field : 'rule' },
        detail: `${field}: ${issue.message}`,
      };
    }
    if (!isValidSelector(parsed.data.selector)) {
      return { error: 'rules.file.invalidRule', params: { n, field: 'selector' }, detail: 'selector: not a valid CSS selector' };
    }
    rules.push(parsed.data);
  }
  return { rules };
}

/** Rules are the same rule when they read the same element for the same kind on the same pages. */
export function ruleKey(r: Pick<SiteRule, 'urlPattern' | 'selector' | 'target'>): string {
  const pattern = r.urlPattern.trim().replace(/^([^/]*\/\/[^/]*)/, (origin) => origin.toLowerCase());
  return `${pattern}\n${r.selector.trim()}\n${r.target}`;
}

export interface MergePlan {
  /** New rules (fresh ids). */
  added: SiteRule[];
  /** Existing rules whose label or extraction pattern the file changes. */
  updated: { before: SiteRule; after: SiteRule }[];
  /** Rules in the file that are already here as they are. */
  unchanged: SiteRule[];
  /** Everything to write: added and updated rules. */
  toWrite: SiteRule[];
}

/**
 * Merges rules from a file into the manager's. The same address pattern, selector and kind updates the
 * existing rule's label and extraction pattern (keeping its id, its creation date and whether the manager
 * switched it off); anything else is added with a new id, so two teammates' files never collide.
 */
export function mergeRules(existing: readonly SiteRule[], incoming: readonly SiteRule[], now = Date.now()): MergePlan {
  const byKey = new Map<string, { rule: SiteRule; state: 'existing' | 'added' | 'updated'; before?: SiteRule }>();
  for (const r of existing) byKey.set(ruleKey(r), { rule: r, state: 'existing' });
  const unchanged: SiteRule[] = [];
  for (const inc of incoming) {
    const key = ruleKey(inc);
    const slot = byKey.get(key);
    if (!slot) {
      byKey.set(key, { rule: { ...inc, id: newId(), createdAt: now, updatedAt: now }, state: 'added' });
      continue;
    }
    const current = slot.rule;
    if (current.label === inc.label && (current.extract ?? '') === (inc.extract ?? '')) {
      if (slot.state === 'existing') unchanged.push(current);
      continue;
    }
    const next: SiteRule = { ...current, label: inc.label, updatedAt: Math.max(now, current.updatedAt) };
    if (inc.extract) next.extract = inc.extract;
    else delete next.extract;
    if (slot.state === 'existing') {
      slot.before = current;
      slot.state = 'updated';
    }
    slot.rule = next;
  }
  const added: SiteRule[] = [];
  const updated: MergePlan['updated'] = [];
  for (const slot of byKey.values()) {
    if (slot.state === 'added') added.push(slot.rule);
    else if (slot.state === 'updated') updated.push({ before: slot.before!, after: slot.rule });
  }
  return { added, updated, unchanged, toWrite: [...added, ...updated.map((u) => u.after)] };
}
