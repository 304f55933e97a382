import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountLensDb } from '../../../lib/db/db';
import { deleteRule, listRules, putRule, saveTaughtRule, writeMerge } from '../../../lib/rules/store';
import { mergeRules, parseRulesFile, exportRules } from '../../../lib/rules/share';
import { useFreshDb } from '../db-helpers';

const taught = { label: '订货系统 · 客户编码', urlPattern: 'https://order.example.com/cust/*', selector: 'td.code', target: 'customerCode' as const };

describe('rules store', () => {
  let db: AccountLensDb;
  beforeEach(() => {
    db = useFreshDb();
  });

  it('saves a taught rule, and teaching the same element again updates it instead of adding a twin', async () => {
    const first = await saveTaughtRule(taught, 1_000);
    expect(first.created).toBe(true);
    expect(first.rule).toMatchObject({ ...taught, enabled: true, createdAt: 1_000, updatedAt: 1_000 });
    await putRule({ ...first.rule, enabled: false }, 1_500);
    const again = await saveTaughtRule({ ...taught, label: '新名称', extract: 'KH\\d+' }, 2_000);
    expect(again.created).toBe(false);
    expect(again.rule).toMatchObject({ id: first.rule.id, label: '新名称', extract: 'KH\\d+', enabled: true, createdAt: 1_000, updatedAt: 2_000 });
    expect(await db.siteRules.count()).toBe(1);
  });

  it('refuses an invalid rule', async () => {
    await expect(saveTaughtRule({ ...taught, urlPattern: 'order.example.com' })).rejects.toThrow();
    await expect(saveTaughtRule({ ...taught, extract: '(a*)*' })).rejects.toThrow();
    expect(await db.siteRules.count()).toBe(0);
  });

  it('lists, edits, deletes, and imports a shared file', async () => {
    const a = (await saveTaughtRule(taught, 1_000)).rule;
    const b = (await saveTaughtRule({ ...taught, target: 'name', selector: 'h1' }, 2_000)).rule;
    expect((await listRules()).map((r) => r.id)).toEqual([a.id, b.id]);
    await putRule({ ...b, label: '店名' }, 3_000);
    expect((await listRules())[1]).toMatchObject({ label: '店名', updatedAt: 3_000 });

    const shared = parseRulesFile(exportRules([{ ...a, label: '同事的名称' }, { ...a, selector: 'td.lic', target: 'licence' }]));
    if (!('rules' in shared)) throw new Error('parse failed');
    const plan = mergeRules(await listRules(), shared.rules, 4_000);
    await writeMerge(plan);
    const after = await listRules();
    expect(after).toHaveLength(3);
    expect(after.find((r) => r.id === a.id)?.label).toBe('同事的名称');

    await deleteRule(b.id);
    expect((await listRules()).map((r) => r.id)).not.toContain(b.id);
  });
});
