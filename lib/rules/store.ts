import { getDb } from '../db/db';
import { newId } from '../model/common';
import { SiteRule, type SiteRuleInput } from '../model/rules';
import { mergeRules, type MergePlan } from './share';

/**
 * Taught rules in the database (v3 `siteRules`), for extension pages only: the background (answering
 * `rules/save`, and copying the rules for content scripts, lib/rules/mirror) and the dashboard.
 * Every write is validated with the model first.
 */

/** Every rule, oldest first (the order the manager taught them). */
export async function listRules(): Promise<SiteRule[]> {
  const rules = await getDb().siteRules.toArray();
  return rules.sort((a, b) => a.createdAt - b.createdAt || a.label.localeCompare(b.label));
}

/** Writes one rule (a dashboard edit); `updatedAt` is set now. */
export async function putRule(rule: SiteRuleInput, now = Date.now()): Promise<SiteRule> {
  const valid = SiteRule.parse({ ...rule, updatedAt: now });
  await getDb().siteRules.put(valid);
  return valid;
}

export async function deleteRule(id: string): Promise<void> {
  await getDb().siteRules.delete(id);
}

/** What the picker sends with `rules/save`. */
export type TaughtRule = Omit<SiteRuleInput, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Saves a rule the manager just taught. Teaching the same element of the same pages again (same address
 * pattern, selector and kind) updates that rule instead of adding a twin; a rule that was switched off is
 * switched on again, since the manager has just asked for it.
 */
export async function saveTaughtRule(input: TaughtRule, now = Date.now()): Promise<{ rule: SiteRule; created: boolean }> {
  const candidate = SiteRule.parse({ ...input, id: newId(), createdAt: now, updatedAt: now });
  const db = getDb();
  return db.transaction('rw', db.siteRules, async () => {
    const plan = mergeRules(await db.siteRules.toArray(), [candidate], now);
    const created = plan.added.length === 1;
    const rule = created ? plan.added[0] : (plan.updated[0]?.after ?? plan.unchanged[0]);
    const saved = SiteRule.parse({ ...rule, enabled: true, updatedAt: now });
    await db.siteRules.put(saved);
    return { rule: saved, created };
  });
}

/** Writes an import plan (mergeRules) in one transaction: all of it or nothing. */
export async function writeMerge(plan: MergePlan): Promise<void> {
  const rows = plan.toWrite.map((r) => SiteRule.parse(r));
  const db = getDb();
  await db.transaction('rw', db.siteRules, () => db.siteRules.bulkPut(rows));
}
