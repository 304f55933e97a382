import type { SiteRule } from '../model/rules';
import type { AppliedRule } from './apply';

/**
 * The enabled rules, copied by the background from the database into `storage.local` under this key
 * whenever they change. The content script reads them with its settings in the one storage read it
 * makes anyway, so a page with taught rules costs no extra round trip before its first scan. The
 * database stays the source (backups, sharing); this copy is rebuilt at every worker start.
 */
export const RULES_MIRROR_KEY = 'siteRules';

export function toMirror(rules: readonly SiteRule[]): AppliedRule[] {
  return rules
    .filter((r) => r.enabled)
    .map((r) => ({ id: r.id, label: r.label, urlPattern: r.urlPattern, selector: r.selector, target: r.target, ...(r.extract && { extract: r.extract }) }));
}

const TARGETS = new Set(['licence', 'customerCode', 'uscc', 'mobile', 'email', 'name']);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Read back by the content script: checked by hand (no zod there, design.md rule 2); a bad entry is skipped. */
export function fromMirror(value: unknown): AppliedRule[] {
  if (!Array.isArray(value)) return [];
  const rules: AppliedRule[] = [];
  for (const r of value.slice(0, 1_000) as Record<string, unknown>[]) {
    if (!r || typeof r !== 'object') continue;
    if (!str(r.id, 64) || !str(r.label, 200) || !str(r.urlPattern, 500) || !str(r.selector, 1_000) || !TARGETS.has(r.target as string)) continue;
    if (r.extract !== undefined && !str(r.extract, 300)) continue;
    rules.push({ id: r.id, label: r.label, urlPattern: r.urlPattern, selector: r.selector, target: r.target as AppliedRule['target'], extract: r.extract as string | undefined });
  }
  return rules;
}
