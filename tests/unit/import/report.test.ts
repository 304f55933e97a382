import { describe, expect, it } from 'vitest';
import { draft } from './helpers';
import { importMessages } from '../../../lib/i18n/import';
import { buildExistingIndex, planCustomerImport, planOrderImport } from '../../../lib/io/import/dedupe';
import { ImportError, type ImportErrorCode } from '../../../lib/io/import/errors';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../../../lib/io/import/fields';
import { buildReportCsv, customerReportRows, orderReportRows, reportFileName } from '../../../lib/io/import/report';
import type { CustomerDraft, RowErrorCode, RowResult } from '../../../lib/io/import/rows';
import { describeConflict, describeImportError, describeRowIssue, fieldLabel, fieldOptions } from '../../../lib/io/import/text';
import type { ConflictReason } from '../../../lib/io/import/dedupe';


describe('import messages', () => {
  it('every message has Chinese and English text with the same placeholders', () => {
    for (const [key, m] of Object.entries(importMessages)) {
      expect(key.startsWith('import.'), key).toBe(true);
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(slots(m.en), key).toEqual(slots(m['zh-CN']));
    }
  });

  const codes: [ImportErrorCode, string?, Record<string, string | number>?][] = [
    ['empty'],
    ['headerOnly'],
    ['binary'],
    ['binary', 'xlsx'],
    ['binary', 'zip'],
    ['binary', 'pdf'],
    ['binary', 'ole'],
    ['binary', 'image'],
    ['binary', 'control'],
    ['tooLarge', undefined, { limit: 50 }],
    ['badXlsx', 'corrupt'],
    ['badXlsx', 'xls'],
    ['badXlsx', 'notZip'],
    ['unsupported', 'numbers'],
    ['unsupported', 'xls'],
    ['unsupported'],
    ['noRecognisedColumns'],
    ['missingColumns', 'name', { kind: 'customers' }],
    ['missingColumns', 'name,date,amount', { kind: 'orders' }],
  ];
  it.each(codes)('file error %s/%s has a specific message in both languages with no unfilled placeholder', (code, detail, params) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = describeImportError(new ImportError(code, detail, params), locale);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text.length).toBeGreaterThan(5);
    }
  });

  it('tooLarge names the limit; unsupported names the extension; missingColumns names the fields', () => {
    expect(describeImportError(new ImportError('tooLarge', undefined, { limit: 50 }), 'zh-CN')).toBe('文件超过 50 MB 上限，请拆分后再导入。');
    expect(describeImportError(new ImportError('tooLarge', undefined, { limit: 50 }), 'en')).toBe('The file is larger than the 50 MB limit; split it and import the parts.');
    expect(describeImportError(new ImportError('unsupported', 'numbers'), 'en')).toContain('.numbers');
    expect(describeImportError(new ImportError('missingColumns', 'name', { kind: 'customers' }), 'zh-CN')).toContain('客户名称');
    expect(describeImportError(new ImportError('missingColumns', 'name,date', { kind: 'orders' }), 'zh-CN')).toBe(
      '缺少必需的列：客户（名称、编码、许可证号或手机任选一列）；订货日期。请为它们各选择一列。',
    );
    expect(describeImportError(new ImportError('binary', 'xlsx'), 'zh-CN')).toContain('.xlsx');
  });

  const rowCodes: RowErrorCode[] = ['required', 'badLicence', 'badUscc', 'badMobile', 'badPhone', 'badEmail', 'badDate', 'badNumber', 'tooLong', 'scientific'];
  it.each(rowCodes)('row error %s reads well in both languages', (code) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = describeRowIssue({ field: 'licenceNo', code, value: '123', max: 200 }, locale);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain(locale === 'zh-CN' ? '许可证号' : 'Licence no.');
    }
  });

  it('row messages quote the value', () => {
    expect(describeRowIssue({ field: 'licenceNo', code: 'badLicence', value: '4403' }, 'zh-CN')).toBe('许可证号“4403”不是 12 位数字');
    expect(describeRowIssue({ field: 'mobiles', code: 'notMobile', value: '0755-1234567' }, 'en')).toBe(
      'Mobile "0755-1234567" is not a mobile number; saved as a phone (landline)',
    );
    expect(describeRowIssue({ field: 'note', code: 'tooLong', value: '…', max: 20000 }, 'zh-CN')).toBe('备注太长（最多 20000 个字）');
  });

  const reasons: ConflictReason[] = ['multipleMatches', 'identifiersSplit', 'nameMismatch', 'sameNameOnly', 'sharesContactInFile'];
  it.each(reasons)('conflict %s has text in both languages', (reason) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = describeConflict({ reason, candidates: [{ name: '甲' }, { name: '乙' }], otherRow: 3, draft: { name: '丙' } }, locale);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('every field has a label; options start with "don\'t import"', () => {
    for (const f of [...CUSTOMER_FIELDS, ...ORDER_FIELDS]) {
      expect(fieldLabel(f.id, 'zh-CN')).not.toBe('');
      expect(fieldLabel(f.id, 'en')).not.toBe('');
    }
    const opts = fieldOptions('customers', 'zh-CN');
    expect(opts[0]).toEqual({ value: null, label: '不导入此列' });
    expect(opts).toHaveLength(CUSTOMER_FIELDS.length + 1);
  });
});

describe('report', () => {
  const index = buildExistingIndex([
    { id: 'c1', ...draft({ name: '张三便利店', licenceNo: '440300100001', customerCode: 'KH1' }) },
    { id: 'c2', ...draft({ name: '李四', mobiles: ['13900139000'] }) },
  ]);
  const results: RowResult<CustomerDraft>[] = [
    { rowNumber: 2, draft: draft({ name: '新店' }), warnings: [{ field: 'mobiles', code: 'notMobile', value: '0755-1234567' }] },
    { rowNumber: 3, draft: draft({ name: '张三便利店', licenceNo: '440300100001', address: '南山', mobiles: ['13800138000'] }), warnings: [] },
    { rowNumber: 4, draft: draft({ name: '张三便利店', licenceNo: '440300100001' }), warnings: [] },
    { rowNumber: 5, draft: draft({ name: '=HYPERLINK("x")', customerCode: 'KH1', mobiles: ['13900139000'] }), warnings: [] },
    { rowNumber: 6, errors: [{ field: 'licenceNo', code: 'badLicence', value: '123' }, { field: 'name', code: 'required', value: '' }], warnings: [] },
  ];
  const plan = planCustomerImport(results, index);

  it('customer rows: outcome and reason per row, in the chosen language', () => {
    expect(customerReportRows(plan, 'zh-CN')).toEqual([
      { rowNumber: 2, outcome: 'added', name: '新店', details: ['提醒：手机“0755-1234567”不是手机号，已作为电话（座机）保存'] },
      { rowNumber: 3, outcome: 'updated', name: '张三便利店', details: ['更新了：经营地址；手机'] },
      { rowNumber: 4, outcome: 'skipped', name: '张三便利店', details: ['与第 3 行是同一客户，以第 3 行为准'] },
      { rowNumber: 5, outcome: 'skipped', name: '=HYPERLINK("x")', details: [expect.stringContaining('张三便利店、李四')] },
      { rowNumber: 6, outcome: 'skipped', name: '', details: ['许可证号“123”不是 12 位数字', '缺少客户名称'] },
    ]);
  });

  it('the manager\'s own decisions override the default outcome', () => {
    const rows = customerReportRows(plan, 'en', new Map([[5, 'added'], [2, 'skipped']]));
    expect(rows[0]).toMatchObject({ outcome: 'skipped', details: ['You chose not to import this row', expect.stringContaining('Note:')] });
    expect(rows[3]).toMatchObject({ outcome: 'added', details: [expect.stringMatching(/\(decided by you\)$/)] });
  });

  it('CSV: UTF-8 BOM, CRLF, quoted cells, formulas defused, localised header', () => {
    const csv = buildReportCsv(customerReportRows(plan, 'zh-CN'), 'zh-CN');
    expect(csv.startsWith('\uFEFF行号,结果,客户,说明\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(7); // header, 5 rows, final empty
    expect(lines[1]).toBe('2,已新增,新店,提醒：手机“0755-1234567”不是手机号，已作为电话（座机）保存');
    expect(lines[4]).toMatch(/^5,未导入,"'=HYPERLINK\(""x""\)",/);
    expect(lines[5]).toBe('6,未导入,,许可证号“123”不是 12 位数字；缺少客户名称');
    const en = buildReportCsv(customerReportRows(plan, 'en'), 'en');
    expect(en.split('\r\n')[0]).toBe('\uFEFFRow,Outcome,Customer,Details');
    expect(en).toContain('2,Added,');
  });

  it('order rows: added with their order, skipped with the customer key that did not resolve', () => {
    const orderPlan = planOrderImport(
      [
        { rowNumber: 2, draft: { key: { kind: 'licence', value: '440300100001' }, keys: [{ kind: 'licence', value: '440300100001' }], at: 0, hasTime: false, product: 'A', quantity: 1, amount: 1 }, warnings: [] },
        { rowNumber: 3, draft: { key: { kind: 'licence', value: '440300999999' }, keys: [{ kind: 'licence', value: '440300999999' }], at: 0, hasTime: false, product: 'A', quantity: 1, amount: 1 }, warnings: [] },
        { rowNumber: 4, errors: [{ field: 'date', code: 'badDate', value: '昨天' }], warnings: [] },
      ],
      (keys) => (keys[0].value === '440300100001' ? ['c1'] : []),
    );
    expect(orderReportRows(orderPlan, 'zh-CN')).toEqual([
      { rowNumber: 2, outcome: 'added', name: '', details: ['已并入订单（1 行商品）'] },
      { rowNumber: 3, outcome: 'skipped', name: '许可证号 440300999999', details: ['找不到对应的客户（许可证号 440300999999），请先导入或新建该客户'] },
      { rowNumber: 4, outcome: 'skipped', name: '', details: ['订货日期“昨天”不是可识别的日期（例如 2024-05-01 或 2024年5月1日）'] },
    ]);
  });

  it('file name', () => {
    expect(reportFileName(new Date(2024, 4, 1, 9, 5))).toBe('account-lens-import-report-20240501-0905.csv');
  });
});
