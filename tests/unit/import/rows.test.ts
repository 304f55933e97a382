import { describe, expect, it } from 'vitest';
import { Customer } from '../../../lib/model/customer';
import { OrderLine } from '../../../lib/model/activity';
import { usccCheckChar } from '../../../lib/match/uscc';
import { guessMapping, type Mapping } from '../../../lib/io/import/fields';
import type { Table } from '../../../lib/io/import/read-table';
import { validateCustomerRows, validateOrderRows, type RowError } from '../../../lib/io/import/rows';

export function table(headers: string[], rows: string[][], rowNumbers?: number[]): Table {
  return { format: 'csv', headers, rows, firstRowNumber: rowNumbers?.[0] ?? 2, rowNumbers: rowNumbers ?? rows.map((_, i) => i + 2) };
}
const USCC = '91440300MA5F00001' + usccCheckChar('91440300MA5F00001');

const H = ['客户名称', '客户编码', '许可证号', '统一社会信用代码', '手机', '座机', '邮箱', '地址', '负责人', '档位', '客户分类', '业态', '市场类型', '生日', '别名', '备注'];
const M = guessMapping(H, 'customers');
/** One customer row from a partial record keyed by header. */
const row = (cells: Partial<Record<(typeof H)[number], string>>) => H.map((h) => cells[h] ?? '');
const one = (cells: Partial<Record<(typeof H)[number], string>>) => validateCustomerRows(table(H, [row(cells)]), M)[0];
const errorsOf = (cells: Partial<Record<(typeof H)[number], string>>): Omit<RowError, 'max'>[] =>
  (one(cells).errors ?? []).map(({ field, code, value }) => ({ field, code, value }));

describe('validateCustomerRows', () => {
  it('the mapping of the test header is what the tests assume', () => {
    expect(M).toEqual(['name', 'customerCode', 'licenceNo', 'uscc', 'mobiles', 'phones', 'emails', 'address', 'owner', 'class', 'segment', 'businessType', 'marketType', 'birthday', 'aliases', 'note']);
  });

  it('a full row becomes a normalised draft that the Customer schema accepts', () => {
    const r = one({
      客户名称: '张三便利店',
      客户编码: 'ＫＨ０００１',
      许可证号: '４４０３ ００１０ ０００１',
      统一社会信用代码: USCC.toLowerCase(),
      手机: '+86 138-0013-8000、13900139000;139 0013 9000',
      座机: '0755-26001234',
      邮箱: ' Zhang@Example.COM ',
      地址: '深圳市南山区',
      负责人: '张三',
      档位: '28',
      客户分类: '核心',
      业态: '便利店',
      市场类型: '城镇',
      生日: '5月1日',
      别名: '张三小卖部、老张店/张三便利店',
      备注: '周末不在店',
    });
    expect(r.errors).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(r.rowNumber).toBe(2);
    expect(r.draft).toEqual({
      name: '张三便利店',
      customerCode: 'KH0001',
      licenceNo: '440300100001',
      uscc: USCC,
      mobiles: ['13800138000', '13900139000'],
      phones: ['0755-26001234'],
      emails: ['zhang@example.com'],
      address: '深圳市南山区',
      owner: '张三',
      class: '28',
      segment: '核心',
      businessType: '便利店',
      marketType: '城镇',
      birthday: '--05-01',
      aliases: ['张三小卖部', '老张店'],
      note: '周末不在店',
      importantDates: [],
      custom: {},
    });
    const parsed = Customer.safeParse({ ...r.draft, id: 'x', createdAt: 1, updatedAt: 1 });
    expect(parsed.success).toBe(true);
  });

  it.each([
    [{ 客户名称: '' }, [{ field: 'name', code: 'required', value: '' }]],
    [{ 客户名称: '无' }, [{ field: 'name', code: 'required', value: '' }]], // a placeholder is empty
    [{ 许可证号: '44030010000' }, [{ field: 'licenceNo', code: 'badLicence', value: '44030010000' }]],
    [{ 许可证号: '4403001000011' }, [{ field: 'licenceNo', code: 'badLicence', value: '4403001000011' }]],
    [{ 许可证号: '4.40301E+11' }, [{ field: 'licenceNo', code: 'scientific', value: '4.40301E+11' }]],
    [{ 客户编码: '1.23457E+11' }, [{ field: 'customerCode', code: 'scientific', value: '1.23457E+11' }]],
    [{ 统一社会信用代码: USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0') }, [{ field: 'uscc', code: 'badUscc', value: USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0') }]],
    [{ 统一社会信用代码: '12345' }, [{ field: 'uscc', code: 'badUscc', value: '12345' }]],
    [{ 手机: 'abc' }, [{ field: 'mobiles', code: 'badMobile', value: 'abc' }]],
    [{ 手机: '1.38E+10' }, [{ field: 'mobiles', code: 'scientific', value: '1.38E+10' }]],
    [{ 座机: '打电话' }, [{ field: 'phones', code: 'badPhone', value: '打电话' }]],
    [{ 邮箱: 'zhang@' }, [{ field: 'emails', code: 'badEmail', value: 'zhang@' }]],
    [{ 邮箱: 'a@b.cn、not-an-email' }, [{ field: 'emails', code: 'badEmail', value: 'not-an-email' }]],
    [{ 生日: '1985-02-30' }, [{ field: 'birthday', code: 'badDate', value: '1985-02-30' }]],
    [{ 生日: '上个月' }, [{ field: 'birthday', code: 'badDate', value: '上个月' }]],
    [
      { 客户名称: '', 许可证号: '123', 邮箱: 'x' },
      [
        { field: 'name', code: 'required', value: '' },
        { field: 'emails', code: 'badEmail', value: 'x' },
        { field: 'licenceNo', code: 'badLicence', value: '123' },
      ],
    ],
  ])('%j → errors %j', (cells, expected) => {
    expect(errorsOf({ 客户名称: '张三', ...cells })).toEqual(expected);
  });

  it('too long text is an error with the limit, not a silent cut', () => {
    const r = one({ 客户名称: '张'.repeat(201), 备注: '很'.repeat(20_001) });
    expect(r.draft).toBeUndefined();
    expect(r.errors?.map((e) => [e.field, e.code, e.max])).toEqual([
      ['name', 'tooLong', 200],
      ['note', 'tooLong', 20_000],
    ]);
    expect(one({ 客户名称: '张'.repeat(200), 备注: '很'.repeat(20_000) }).draft).toBeDefined();
  });

  it('a landline in the mobile column goes to phones with a warning; a mobile in the phone column goes to mobiles', () => {
    const r = one({ 客户名称: '张三', 手机: '0755-26001234、13800138000', 座机: '13900139000 / 021 6123 4567转8' });
    expect(r.draft?.mobiles).toEqual(['13800138000', '13900139000']);
    expect(r.draft?.phones).toEqual(['0755-26001234', '021 6123 4567转8']);
    expect(r.warnings).toEqual([{ field: 'mobiles', code: 'notMobile', value: '0755-26001234' }]);
  });

  it.each([
    ['13800138000 13900139000', ['13800138000', '13900139000']],
    ['13800138000(微信同号)', ['13800138000']],
    ['86-13800138000', ['13800138000']],
    ['0086 138 0013 8000', ['13800138000']],
    ['13800138000，13800138000', ['13800138000']],
    ['无', []],
  ])('mobiles cell %j', (cell, mobiles) => {
    const r = one({ 客户名称: '张三', 手机: cell });
    expect(r.errors).toBeUndefined();
    expect(r.draft?.mobiles).toEqual(mobiles);
  });

  it('columns mapped to custom keep their header; several columns of a list field merge', () => {
    const t = table(['名称', '微信', '手机1', '手机2', ''], [['张三', 'zs_wx', '13800138000', '13900139000', '来源A']]);
    const r = validateCustomerRows(t, ['name', 'custom', 'mobiles', 'mobiles', 'custom'])[0];
    expect(r.draft?.custom).toEqual({ 微信: 'zs_wx', E: '来源A' });
    expect(r.draft?.mobiles).toEqual(['13800138000', '13900139000']);
  });

  it('reports spreadsheet row numbers from the table', () => {
    const t = table(['名称'], [['a'], ['b']], [5, 9]);
    expect(validateCustomerRows(t, ['name']).map((r) => r.rowNumber)).toEqual([5, 9]);
  });

  it('throws when the mapping has no name column', () => {
    expect(() => validateCustomerRows(table(['手机'], [['13800138000']]), ['mobiles'])).toThrow(expect.objectContaining({ code: 'missingColumns' }));
  });
});

const OH = ['订单号', '订货日期', '许可证号', '客户编码', '客户名称', '手机', '卷烟名称', '单位', '单价', '数量', '金额'];
const OM: Mapping = guessMapping(OH, 'orders');
const orow = (cells: Partial<Record<(typeof OH)[number], string>>) => OH.map((h) => cells[h] ?? '');
const order = (cells: Partial<Record<(typeof OH)[number], string>>) =>
  validateOrderRows(table(OH, [orow({ 订货日期: '2024-05-01', 客户名称: '张三', 卷烟名称: '中华(硬)', 数量: '2', 金额: '900', ...cells })]), OM)[0];

describe('validateOrderRows', () => {
  it('the mapping of the test header is what the tests assume', () => {
    expect(OM).toEqual(['orderNo', 'date', 'licenceNo', 'customerCode', 'name', 'mobiles', 'product', 'unit', 'unitPrice', 'quantity', 'amount']);
  });

  it('a full row: keys strongest first, local midnight, a line the model accepts', () => {
    const r = order({ 订单号: 'DD001', 许可证号: '440300100001', 客户编码: 'KH1', 手机: '13800138000', 单位: '条', 单价: '450', 金额: '￥900.00' });
    expect(r.errors).toBeUndefined();
    expect(r.draft).toEqual({
      key: { kind: 'licence', value: '440300100001' },
      keys: [
        { kind: 'licence', value: '440300100001' },
        { kind: 'customerCode', value: 'KH1' },
        { kind: 'mobile', value: '13800138000' },
        { kind: 'name', value: '张三' },
      ],
      at: new Date(2024, 4, 1).getTime(),
      hasTime: false,
      product: '中华(硬)',
      quantity: 2,
      unit: '条',
      amount: 900,
      orderNo: 'DD001',
    });
    const { product, quantity, unit, amount } = r.draft!;
    expect(OrderLine.safeParse({ product, quantity, unit, amount }).success).toBe(true);
  });

  it.each([
    [{ 客户名称: '' }, [['name', 'required']]],
    [{ 订货日期: '' }, [['date', 'required']]],
    [{ 订货日期: '5月1日' }, [['date', 'badDate']]],
    [{ 订货日期: '2024-02-30' }, [['date', 'badDate']]],
    [{ 卷烟名称: '' }, [['product', 'required']]],
    [{ 数量: '' }, [['quantity', 'required']]],
    [{ 数量: '两条' }, [['quantity', 'badNumber']]],
    [{ 金额: '九百' }, [['amount', 'badNumber']]],
    [{ 金额: '' }, [['amount', 'required']]],
    [{ 单价: 'abc', 金额: '' }, [['unitPrice', 'badNumber']]],
    [{ 许可证号: '123' }, [['licenceNo', 'badLicence']]],
  ])('%j → %j', (cells, expected) => {
    expect(order(cells).errors?.map((e) => [e.field, e.code])).toEqual(expected);
  });

  it.each([
    [{ 订货日期: '2024-05-01 13:45' }, { at: new Date(2024, 4, 1, 13, 45).getTime(), hasTime: true }],
    [{ 订货日期: '2024年5月1日' }, { at: new Date(2024, 4, 1).getTime() }],
    [{ 金额: '1,234.50' }, { amount: 1234.5 }],
    [{ 金额: '-900' }, { amount: -900 }], // a return
    [{ 金额: '', 单价: '450.5', 数量: '3' }, { amount: 1351.5 }], // from price × quantity
    [{ 数量: '10条' }, { quantity: 10, unit: '条' }],
    [{ 数量: '10条', 单位: '盒' }, { quantity: 10, unit: '盒' }],
    [{ 数量: '１２' }, { quantity: 12 }],
    [{ 客户名称: '', 手机: '13800138000' }, { key: { kind: 'mobile', value: '13800138000' } }],
    [{ 订单号: 'ＤＤ００１' }, { orderNo: 'DD001' }],
  ])('%j → %j', (cells, expected) => {
    const r = order(cells);
    expect(r.errors).toBeUndefined();
    expect(r.draft).toMatchObject(expected);
  });

  it('a negative quantity is a return: quantity kept positive, amount negative, with a warning', () => {
    const r = order({ 数量: '-2', 金额: '900' });
    expect(r.draft).toMatchObject({ quantity: 2, amount: -900 });
    expect(r.warnings).toEqual([{ field: 'quantity', code: 'negativeQuantity', value: '-2' }]);
  });

  it('throws when the mapping lacks a date column', () => {
    expect(() => validateOrderRows(table(['客户名称', '商品'], [['a', 'b']]), ['name', 'product'])).toThrow(
      expect.objectContaining({ code: 'missingColumns', detail: 'date,quantity,amount' }),
    );
  });
});

describe('important dates and custom fields (as our export writes them)', () => {
  const headers = ['客户名称', '重要日期', '经营规模'];
  const read = (cells: string[]) => validateCustomerRows(table(headers, [cells]), guessMapping(headers, 'customers'))[0];
  it.each([
    ['开业日 2019-11-28', [{ label: '开业日', date: '2019-11-28' }]],
    ['开业日 2019-11-28、结婚纪念日 --05-20', [{ label: '开业日', date: '2019-11-28' }, { label: '结婚纪念日', date: '--05-20' }]],
    ['2号店开业：2021/3/8', [{ label: '2号店开业', date: '2021-03-08' }]],
  ])('%s', (cell, dates) => {
    expect(read(['张记', cell, '60㎡']).draft).toMatchObject({ importantDates: dates, custom: { 经营规模: '60㎡' } });
  });
  it.each([['开业日'], ['2019-11-28'], ['开业日 明年']])('%s is refused with badDate', (cell) => {
    expect(read(['张记', cell, '']).errors?.[0]).toMatchObject({ field: 'importantDates', code: 'badDate' });
  });
});
