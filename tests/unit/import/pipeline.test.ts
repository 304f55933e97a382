import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExistingIndex, planCustomerImport, makeOrderResolver, planOrderImport } from '../../../lib/io/import/dedupe';
import { detectKind, guessMapping } from '../../../lib/io/import/fields';
import { readTable } from '../../../lib/io/import/read-table';
import { buildReportCsv, customerReportRows } from '../../../lib/io/import/report';
import { validateCustomerRows, validateOrderRows } from '../../../lib/io/import/rows';
import { ab, xlsx } from './helpers';

describe('file → table → mapping → rows → plan', () => {
  it('the GBK customer export imports as three new customers', async () => {
    const t = await readTable({ name: 'customers.csv', bytes: ab(readFileSync(new URL('../../fixtures/import/customers-gbk.csv', import.meta.url))) });
    expect(detectKind(t.headers)).toBe('customers');
    const mapping = guessMapping(t.headers, 'customers');
    expect(mapping).toEqual(['customerCode', 'name', 'licenceNo', 'uscc', 'owner', 'mobiles', 'address', 'class', 'businessType', 'marketType', 'note']);
    const results = validateCustomerRows(t, mapping);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results.map((r) => r.draft?.mobiles)).toEqual([['13800138000'], [], ['13900139000', '13700137000']]);
    expect(results[1].draft?.phones).toEqual(['0755-26001234']);
    expect(results[1].warnings.map((w) => w.code)).toEqual(['notMobile']);
    const plan = planCustomerImport(results, buildExistingIndex([]));
    expect(plan.counts.new).toBe(3);
    expect(buildReportCsv(customerReportRows(plan, 'zh-CN'), 'zh-CN')).toContain('3,已新增,李四烟酒商行,提醒：');
  });

  it('an XLSX with wrong types in cells: numbers, dates and booleans where text is expected', async () => {
    const book = await xlsx([
      ['客户名称', '许可证号', '手机', '邮箱', '生日', '档位'],
      ['张三便利店', 440300100001, 13800138000, 'zs@example.com', { value: new Date(Date.UTC(1980, 4, 1)), format: 'yyyy-mm-dd' }, 28],
      [12345, 4403001000, true, 42, 'not a date', 1.5], // a number as the name is fine; the rest is not
      ['李四', { value: new Date(Date.UTC(2024, 0, 1)), format: 'yyyy-mm-dd' }, { value: new Date(Date.UTC(2024, 0, 1)), format: 'yyyy-mm-dd' }, null, 19800501, null],
    ]);
    const t = await readTable({ name: 'x.xlsx', bytes: book });
    const results = validateCustomerRows(t, guessMapping(t.headers, 'customers'));
    expect(results[0].draft).toMatchObject({ name: '张三便利店', licenceNo: '440300100001', mobiles: ['13800138000'], birthday: '1980-05-01', class: '28' });
    expect(results[1].errors?.map((e) => [e.field, e.code, e.value])).toEqual([
      ['mobiles', 'badMobile', 'true'],
      ['emails', 'badEmail', '42'],
      ['licenceNo', 'badLicence', '4403001000'],
      ['birthday', 'badDate', 'not a date'],
    ]);
    expect(results[2].errors?.map((e) => [e.field, e.code, e.value])).toEqual([
      ['mobiles', 'badMobile', '2024-01-01'],
      ['licenceNo', 'badLicence', '2024-01-01'],
    ]);
    expect(results.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it('an order history XLSX: detected as orders, grouped into orders for known customers', async () => {
    const d = (day: number) => ({ value: new Date(Date.UTC(2024, 4, day)), format: 'yyyy-mm-dd' });
    const book = await xlsx([
      ['订货日期', '许可证号', '客户名称', '卷烟名称', '订购量(条)', '金额(元)'],
      [d(1), 440300100001, '张三便利店', '中华(硬)', 2, 900],
      [d(1), 440300100001, '张三便利店', '玉溪(软)', 5, 1150.5],
      [d(8), 440300100001, '张三便利店', '中华(硬)', 1, 450],
      [d(8), 440300999999, '不认识的店', '中华(硬)', 1, 450],
    ]);
    const t = await readTable({ name: 'orders.xlsx', bytes: book });
    expect(detectKind(t.headers)).toBe('orders');
    const results = validateOrderRows(t, guessMapping(t.headers, 'orders'));
    const index = buildExistingIndex([{ id: 'c1', name: '张三便利店', licenceNo: '440300100001' }]);
    const plan = planOrderImport(results, makeOrderResolver(index));
    expect(plan.orders.map((o) => [o.customerId, o.at, o.lines.length, o.lines.reduce((s, l) => s + l.amount, 0)])).toEqual([
      ['c1', new Date(2024, 4, 1).getTime(), 2, 2050.5],
      ['c1', new Date(2024, 4, 8).getTime(), 1, 450],
    ]);
    expect(plan.unresolved.map((u) => [u.rowNumber, u.reason])).toEqual([[5, 'unknownCustomer']]);
  });
});
