import { beforeEach, describe, expect, it } from 'vitest';
import { saveCustomer } from '../../lib/db/customers';
import { BackupError, exportBackup, importBackup, parseBackup } from '../../lib/io/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../../lib/model';
import { customer, useFreshDb } from './db-helpers';

const T = 1_700_000_000_000;

function sampleBackup(): Backup {
  const c1 = customer({ name: '福田区平安烟酒店', licenceNo: '440304100001', customerCode: 'KH00000001', mobiles: ['13800138000'], aliases: ['平安烟酒'], birthday: '--05-12', custom: { 经营规模: '中' } });
  const c2 = customer({ name: '深圳市华南精密制造有限公司', uscc: '91440300MA00000240', emails: ['finance@hnjm.example'] });
  return Backup.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T,
    customers: [c1, c2],
    contacts: [{ id: 'k1', customerId: c2.id, name: '王敏', role: 'decision_maker', attitude: 'resistant', emails: ['wang@hnjm.example'], createdAt: T, updatedAt: T }],
    interactions: [
      { id: 'i1', customerId: c1.id, kind: 'order', at: T, summary: '周订单', lines: [{ product: '中华(硬)', quantity: 2, unit: '条', amount: 900 }], createdAt: T },
      { id: 'i2', customerId: c1.id, kind: 'visit', at: T + 1, channel: '上门', summary: '反映断货', createdAt: T },
    ],
    needs: [{ id: 'n1', customerId: c1.id, kind: 'complaint', description: '送货晚了', status: 'resolved', raisedAt: T, resolution: '已协调', resolvedAt: T + 5, updatedAt: T + 5 }],
    tasks: [{ id: 't1', customerId: c1.id, needId: 'n1', title: '告知处理结果', due: '2026-11-25', createdAt: T, updatedAt: T }],
    pageChoices: [{ pageKey: 'http://127.0.0.1/mail/#msg=1', customerId: c2.id, at: T }],
    siteRules: [{ id: 'r1', label: '订货系统 · 客户编码', urlPattern: 'https://order.example.cn/customer/*', selector: 'dd.cust-code', target: 'customerCode', enabled: true, createdAt: T, updatedAt: T }],
    inbox: [{ id: 'x1', text: '下周问一下新品', selection: '新品上市通知', pageUrl: 'https://example.cn/news', pageTitle: '通知', at: T }],
  });
}

describe('backup', () => {
  beforeEach(() => void useFreshDb());

  it('round trip: export → replace import → export gives identical records', async () => {
    const original = sampleBackup();
    await importBackup(original, 'replace');
    const exported = await exportBackup(T);
    const reparsed = parseBackup(JSON.stringify(exported));
    await importBackup(reparsed, 'replace');
    const again = await exportBackup(T);
    const sortById = <R extends { id?: string; pageKey?: string }>(rows: R[]) =>
      [...rows].sort((a, b) => (a.id ?? a.pageKey ?? '').localeCompare(b.id ?? b.pageKey ?? ''));
    for (const table of ['customers', 'contacts', 'interactions', 'needs', 'tasks', 'pageChoices', 'siteRules', 'inbox'] as const) {
      expect(sortById(again[table] as never[]), table).toEqual(sortById(original[table] as never[]));
    }
  });

  it('replace removes what was there; merge keeps it', async () => {
    const keep = await saveCustomer(customer({ name: '保留的客户' }));
    await importBackup(sampleBackup(), 'merge');
    expect((await exportBackup()).customers.map((c) => c.id)).toContain(keep.id);
    await importBackup(sampleBackup(), 'replace');
    expect((await exportBackup()).customers.map((c) => c.id)).not.toContain(keep.id);
  });

  it.each([
    ['not JSON', '{"format": ', 'notJson'],
    ['another JSON document', '{"hello": 1}', 'notBackup'],
    ['a newer version', JSON.stringify({ format: BACKUP_FORMAT, version: 99, customers: [] }), 'newerVersion'],
    ['an invalid licence', JSON.stringify({ ...sampleBackup(), customers: [customer({ licenceNo: '12345' })] }), 'invalid'],
    ['an orphan interaction', JSON.stringify({ ...sampleBackup(), customers: [] }), 'invalid'],
  ])('refuses %s with a code the UI can explain', (_label, text, code) => {
    expect(() => parseBackup(text)).toThrowError(BackupError);
    try {
      parseBackup(text);
    } catch (err) {
      expect((err as BackupError).code).toBe(code);
    }
  });

  it('accepts a UTF-8 BOM (files saved by Windows editors)', () => {
    expect(parseBackup(`\ufeff${JSON.stringify(sampleBackup())}`).customers).toHaveLength(2);
  });

  it('a failed import writes nothing and keeps what was saved before', async () => {
    const before = await saveCustomer(customer({ name: '之前的客户' }));
    const bad = sampleBackup();
    // A record the database refuses (no valid key) after the customers were written: the transaction fails mid-way.
    (bad.interactions as unknown[]).push({ ...bad.interactions[0], id: {} });
    await expect(importBackup(bad, 'replace')).rejects.toBeInstanceOf(BackupError);
    const after = await exportBackup();
    expect(after.customers.map((c) => c.id)).toEqual([before.id]);
    expect(after.interactions).toEqual([]);
  });
});
