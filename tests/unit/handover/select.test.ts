import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/io/backup';
import { selectForHandover, selectionOptions } from '../../../lib/io/handover/select';
import type { Backup } from '../../../lib/model';
import { threeCustomers } from './fixtures';

/** Every record of the result, grouped by table, named by the customer it belongs to. */
function owners(backup: Backup) {
  const name = new Map(backup.customers.map((c) => [c.id, c.name]));
  const of = (rows: { customerId: string }[]) => rows.map((r) => name.get(r.customerId) ?? `ORPHAN ${r.customerId}`).sort();
  return {
    customers: backup.customers.map((c) => c.name).sort(),
    contacts: of(backup.contacts),
    interactions: of(backup.interactions),
    needs: of(backup.needs),
    tasks: of(backup.tasks),
    pageChoices: of(backup.pageChoices),
  };
}

const expectOnly = (result: Backup, names: string[]) => {
  const sorted = [...names].sort();
  expect(owners(result)).toEqual({
    customers: sorted,
    contacts: sorted,
    interactions: sorted.flatMap((n) => [n, n]),
    needs: sorted,
    tasks: sorted,
    pageChoices: sorted,
  });
};

describe('selectForHandover', () => {
  const backup = threeCustomers();

  it('all: everything, format and version kept', () => {
    const result = selectForHandover(backup, { kind: 'all' });
    expect(result).toEqual(backup);
    expect(result.format).toBe('account-lens-backup');
    expect(result.version).toBe(1);
  });

  it('the successor is reminded afresh: a task the manager was already reminded of comes without remindedAt', () => {
    const reminded = { ...backup, tasks: backup.tasks.map((t) => ({ ...t, remindedAt: 1_764_000_000_000 })) };
    const result = selectForHandover(reminded, { kind: 'all' });
    expect(result.tasks.map((t) => t.remindedAt)).toEqual(backup.tasks.map(() => undefined));
    expect(result.tasks.map((t) => t.title)).toEqual(backup.tasks.map((t) => t.title));
  });

  it('by class: the customers of that class (value trimmed) with all their records, nothing of the others', () => {
    const result = selectForHandover(backup, { kind: 'class', values: ['28'] });
    expectOnly(result, ['张三烟酒店', '王五便利店']);
    expect(result.interactions.some((i) => i.summary.includes('李四'))).toBe(false);
  });

  it('by segment', () => {
    expectOnly(selectForHandover(backup, { kind: 'segment', values: ['潜力客户'] }), ['李四超市']);
    expectOnly(selectForHandover(backup, { kind: 'segment', values: ['潜力客户', '核心客户'] }), ['李四超市', '张三烟酒店']);
  });

  it('by ids', () => {
    const li = backup.customers.find((c) => c.name === '李四超市')!;
    const wang = backup.customers.find((c) => c.name === '王五便利店')!;
    expectOnly(selectForHandover(backup, { kind: 'customers', ids: [li.id, wang.id, 'no-such-id'] }), ['李四超市', '王五便利店']);
  });

  it('nothing matched: an empty but valid backup', () => {
    const result = selectForHandover(backup, { kind: 'class', values: ['99', ''] });
    expectOnly(result, []);
    expect(parseBackup(JSON.stringify(result))).toEqual(result);
  });

  it('the result is a valid backup on its own (no orphan references) and the input is untouched', () => {
    const before = JSON.stringify(backup);
    const result = selectForHandover(backup, { kind: 'class', values: ['15'] });
    expect(parseBackup(JSON.stringify(result))).toEqual(result);
    expect(JSON.stringify(backup)).toBe(before);
  });

  it('selectionOptions lists the distinct classes and segments', () => {
    expect(selectionOptions(backup)).toEqual({ classes: ['15', '28'], segments: ['核心客户', '潜力客户', '普通客户'].sort(new Intl.Collator('zh-CN').compare) });
  });
});
