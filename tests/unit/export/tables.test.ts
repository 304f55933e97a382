import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, unneutraliseCell } from '../../../lib/io/export/csv';
import { buildExport } from '../../../lib/io/export/export';
import { contactColumns, customerColumns, interactionColumns, interactionRows, LIST_SEPARATOR } from '../../../lib/io/export/tables';
import { backupOf, contact, customer, interaction } from '../handover/fixtures';

const formatTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function sample() {
  const zhang = customer({
    name: '张三烟酒店',
    aliases: ['张三烟店', '老张'],
    licenceNo: '440305123456',
    customerCode: '0001',
    uscc: '91440300MA5EXAMPL0',
    mobiles: ['13800138000', '13912345678'],
    phones: ['0755-12345678'],
    emails: ['zhang@example.com'],
    address: '深圳市南山区科技园',
    owner: '张三',
    class: '28',
    segment: '核心客户',
    businessType: '烟酒店',
    marketType: '城市',
    birthday: '--05-01',
    importantDates: [{ label: '开业纪念日', date: '2015-06-01' }],
    custom: { 经营规模: '中型', 备注: '自定义备注' },
    note: '周三上午到店',
  });
  const li = customer({ name: '李四超市', licenceNo: '440305654321', custom: { 月销量: '120 条' } });
  const a = customer({ name: '阿里小卖部' });
  return backupOf({
    customers: [zhang, li, a],
    contacts: [contact(li.id, { name: '李太', role: 'decision_maker', attitude: 'positive', mobiles: ['13700137000'] }), contact(zhang.id, { name: '张三', title: '店主' })],
    interactions: [
      interaction(zhang.id, { kind: 'order', at: Date.UTC(2025, 10, 2), summary: '网上订货', channel: '网上订货', lines: [{ product: '中华(硬)', quantity: 2, unit: '条', amount: 900 }, { product: '玉溪', quantity: 1, unit: '条', amount: -230.5 }] }),
      interaction(zhang.id, { kind: 'visit', at: Date.UTC(2025, 10, 1), summary: '拜访，聊新品' }),
      interaction(li.id, { kind: 'call', at: Date.UTC(2025, 10, 3), summary: '=HYPERLINK("x")' }),
    ],
  });
}

describe('export column sets', () => {
  it('customer headers are the import synonyms, in this order', () => {
    expect(customerColumns.map((c) => c.header['zh-CN'])).toEqual([
      '客户名称', '客户编码', '许可证号', '统一社会信用代码', '手机', '电话', '邮箱', '经营地址', '负责人',
      '档位', '客户分类', '业态', '市场类型', '生日', '重要日期', '别名', '备注',
    ]);
  });

  it('contact and interaction rows carry the customer attribution columns first', () => {
    for (const columns of [contactColumns, interactionColumns]) {
      expect(columns.slice(0, 3).map((c) => c.header['zh-CN'])).toEqual(['客户名称', '客户编码', '许可证号']);
    }
    expect(interactionColumns.map((c) => c.header['zh-CN'])).toEqual(expect.arrayContaining(['时间', '类型', '商品', '数量', '单位', '金额', '记录编号']));
  });

  it.each([
    ['customers', customerColumns],
    ['contacts', contactColumns],
    ['interactions', interactionColumns],
  ] as const)('%s: ids and headers are unique and translated', (_, columns) => {
    const cols = columns as readonly { id: string; header: { 'zh-CN': string; en: string } }[];
    for (const key of ['zh-CN', 'en'] as const) {
      const headers = cols.map((c) => c.header[key]);
      expect(headers.every((h) => h.trim().length > 0)).toBe(true);
      expect(new Set(headers).size).toBe(headers.length);
    }
    expect(new Set(cols.map((c) => c.id)).size).toBe(cols.length);
  });
});

describe('buildExport', () => {
  it('customers: sorted by pinyin, lists joined with 、, custom fields appended, clashes renamed', () => {
    const { customers } = buildExport(sample(), 'zh-CN', { formatTime });
    expect(customers.name).toBe('客户');
    // In the order they first appear in the sorted customers (李四 before 张三).
    expect(customers.header.slice(-3)).toEqual(['月销量', '经营规模', '备注（自定义）']);
    expect(customers.rows.map((r) => r[0])).toEqual(['阿里小卖部', '李四超市', '张三烟酒店']);
    const zhang = Object.fromEntries(customers.header.map((h, i) => [h, customers.rows[2][i]]));
    expect(zhang).toMatchObject({
      客户名称: '张三烟酒店',
      客户编码: '0001',
      许可证号: '440305123456',
      手机: '13800138000、13912345678',
      电话: '0755-12345678',
      邮箱: 'zhang@example.com',
      负责人: '张三',
      档位: '28',
      客户分类: '核心客户',
      生日: '--05-01',
      重要日期: '开业纪念日 2015-06-01',
      别名: '张三烟店、老张',
      备注: '周三上午到店',
      经营规模: '中型',
      '备注（自定义）': '自定义备注',
      月销量: undefined,
    });
  });

  it('interactions: one row per order line with numbers, other interactions one row; grouped by customer, oldest first', () => {
    const { interactions } = buildExport(sample(), 'zh-CN', { formatTime });
    const rows = interactions.rows.map((r) => Object.fromEntries(interactions.header.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => [r['客户名称'], r['类型'], r['商品'] ?? null, r['数量'] ?? null, r['金额'] ?? null])).toEqual([
      ['李四超市', '电话', null, null, null],
      ['张三烟酒店', '拜访', null, null, null],
      ['张三烟酒店', '订单', '中华(硬)', 2, 900],
      ['张三烟酒店', '订单', '玉溪', 1, -230.5],
    ]);
    expect(rows[2]).toMatchObject({ 许可证号: '440305123456', 客户编码: '0001', 时间: '2025-11-02 00:00', 单位: '条', 渠道: '网上订货' });
    expect(rows[2]['记录编号']).toBe(rows[3]['记录编号']);
    expect(rows[1]['记录编号']).not.toBe(rows[2]['记录编号']);
  });

  it('contacts: attributed, role and attitude in the chosen language', () => {
    const zh = buildExport(sample(), 'zh-CN').contacts;
    expect(zh.rows.map((r) => r.slice(0, 6))).toEqual([
      ['李四超市', undefined, '440305654321', '李太', '决策人', '积极'],
      ['张三烟酒店', '0001', '440305123456', '张三', '联系人', undefined],
    ]);
    const en = buildExport(sample(), 'en').contacts;
    expect(en.name).toBe('Contacts');
    expect(en.header.slice(0, 4)).toEqual(['Customer name', 'Customer code', 'Licence no.', 'Contact name']);
    expect(en.rows[0].slice(4, 6)).toEqual(['Decision maker', 'Positive']);
  });

  it('an order without lines is one row', () => {
    const c = customer({ name: 'x' });
    const data = backupOf({ customers: [c], interactions: [interaction(c.id, { kind: 'order', lines: [] })] });
    expect(interactionRows(data.interactions)).toHaveLength(1);
  });

  it('exported CSV re-imports: same headers, lists split on the import separators, formulas neutralised', () => {
    const { customers, interactions } = buildExport(sample(), 'zh-CN', { formatTime });
    const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const c = parse(toCsv(customers.header, customers.rows));
    expect(c[0]).toEqual(customers.header);
    const zhang = c.find((r) => r[0] === '张三烟酒店')!;
    expect(zhang[c[0].indexOf('手机')].split(/[、,;/]/)).toEqual(['13800138000', '13912345678']);
    expect(zhang[c[0].indexOf('许可证号')]).toBe('440305123456');
    expect(LIST_SEPARATOR).toBe('、');

    const i = parse(toCsv(interactions.header, interactions.rows));
    const call = i.find((r) => r[i[0].indexOf('类型')] === '电话')!;
    expect(call[i[0].indexOf('内容')]).toBe(`'=HYPERLINK("x")`);
    expect(unneutraliseCell(call[i[0].indexOf('内容')])).toBe('=HYPERLINK("x")');
    expect(i.map((r) => r[i[0].indexOf('金额')])).toContain('-230.5');
  });
});
