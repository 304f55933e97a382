import readXlsxFile from 'read-excel-file/universal';
import writeExcelFileUniversal from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../lib/io/export/export';
import { sheetName, toXlsxBlob, XLSX_MIME, type XlsxWriter } from '../../../lib/io/export/xlsx';
import { backupOf, customer, interaction } from '../handover/fixtures';

const universal: XlsxWriter = (sheets) => writeExcelFileUniversal(sheets).toBlob();
const read = async (blob: Blob) => readXlsxFile(await blob.arrayBuffer(), { trim: false });

describe('toXlsxBlob', () => {
  const header = ['客户名称', '许可证号', '手机', '备注', '金额', '客户编码'];
  const rows = [
    ['张三烟酒店', '440305123456', '13800138000', '=1+1', -12.5, '000123'],
    ['李四超市', '440305654321', undefined, '@SUM(A1)', 0, ''],
    ['<b>&"王五"</b>', null, '13912345678、13800138000', '  leading space', 1234.56, '0'],
  ];

  it.each([
    ['the browser entry point (default writer)', undefined],
    ['the universal entry point', universal],
  ])('round-trips through read-excel-file with %s: Chinese text, digits as text, formulas as strings', async (_, writer) => {
    const blob = await toXlsxBlob([{ name: '客户', header, rows }], writer);
    expect(blob.type).toBe(XLSX_MIME);
    const [sheet, ...others] = await read(blob);
    expect(others).toEqual([]);
    expect(sheet.sheet).toBe('客户');
    expect(sheet.data).toEqual([
      header,
      // 12-digit licence and the mobile stay strings (a number would read back as 440305123456 or 4.4e11);
      // '=1+1' reads back as the text (a formula cell without a cached value would read back as null).
      ['张三烟酒店', '440305123456', '13800138000', '=1+1', -12.5, '000123'],
      ['李四超市', '440305654321', null, '@SUM(A1)', 0, null],
      ['<b>&"王五"</b>', null, '13912345678、13800138000', '  leading space', 1234.56, '0'],
    ]);
  });

  it('writes several sheets with legal, unique names', async () => {
    const blob = await toXlsxBlob(
      [
        { name: '客户', header: ['a'], rows: [['1']] },
        { name: '客户', header: ['b'], rows: [['2']] },
        { name: 'a/b:c*d?[e]', header: ['c'], rows: [[3]] },
      ],
      universal,
    );
    const sheets = await read(blob);
    expect(sheets.map((s) => s.sheet)).toEqual(['客户', '客户 (2)', 'a_b_c_d__e_']);
    expect(sheets.map((s) => s.data)).toEqual([[['a'], ['1']], [['b'], ['2']], [['c'], [3]]]);
  });

  it('sheetName keeps Excel rules: at most 31 characters, no apostrophe at either end, never empty', () => {
    const taken = new Set<string>();
    expect(sheetName('x'.repeat(40), taken)).toBe('x'.repeat(31));
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(27)} (2)`);
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    expect(sheetName('', taken)).toBe('Sheet');
    expect(sheetName('SHEET', taken)).toBe('SHEET (2)');
  });

  it('an export of the model round-trips: the customer sheet reads back as the export rows', async () => {
    const c = customer({ name: '=cmd|calc', licenceNo: '440305000001', mobiles: ['13800138000', '13912345678'] });
    const data = backupOf({ customers: [c], interactions: [interaction(c.id, { kind: 'order', lines: [{ product: '中华', quantity: 1, amount: -45 }] })] });
    const tables = buildExport(data, 'zh-CN', { formatTime: () => 'T' });
    const sheets = await read(await toXlsxBlob(Object.values(tables), universal));
    expect(sheets.map((s) => s.sheet)).toEqual(['客户', '联系人', '往来记录']);
    const [customers, , interactions] = sheets;
    expect(customers.data[0]).toEqual(tables.customers.header);
    expect(customers.data[1]).toEqual(tables.customers.rows[0].map((v) => (v === undefined || v === '' ? null : v)));
    expect(customers.data[1].slice(0, 5)).toEqual(['=cmd|calc', null, '440305000001', null, '13800138000、13912345678']);
    const amount = tables.interactions.header.indexOf('金额');
    expect(interactions.data[1][amount]).toBe(-45);
  });
});
