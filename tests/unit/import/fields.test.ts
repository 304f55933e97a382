import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../lib/io/import/errors';
import {
  CUSTOMER_FIELDS,
  checkMapping,
  detectKind,
  guessMapping,
  missingFields,
  normaliseHeader,
  ORDER_FIELDS,
} from '../../../lib/io/import/fields';

describe('normaliseHeader', () => {
  it.each([
    ['  客户名称 ', '客户名称'],
    ['金额(元)', '金额'],
    ['金额（元）', '金额'],
    ['*手机号（必填）', '手机号'],
    ['Ｅ－ｍａｉｌ', 'email'],
    ['Customer Name', 'customername'],
    ['customer_name', 'customername'],
    ['许可证号:', '许可证号'],
    ['[客户名称]', '客户名称'],
    ['数量【条】', '数量'],
  ])('%j → %j', (h, n) => {
    expect(normaliseHeader(h)).toBe(n);
  });
});

describe('guessMapping: customers', () => {
  it.each([
    // Chinese, as the company systems export them
    ['客户名称', 'name'],
    ['店名', 'name'],
    ['商户名称', 'name'],
    ['企业名称', 'name'],
    ['户名', 'name'],
    ['零售户名称', 'name'],
    ['客户编码', 'customerCode'],
    ['客户代码', 'customerCode'],
    ['客户编号', 'customerCode'],
    ['许可证号', 'licenceNo'],
    ['烟草专卖零售许可证号', 'licenceNo'],
    ['专卖证号', 'licenceNo'],
    ['统一社会信用代码', 'uscc'],
    ['信用代码', 'uscc'],
    ['手机', 'mobiles'],
    ['联系电话', 'mobiles'],
    ['联系方式', 'mobiles'],
    ['座机', 'phones'],
    ['固定电话', 'phones'],
    ['电子邮件', 'emails'],
    ['邮箱', 'emails'],
    ['经营地址', 'address'],
    ['店铺地址', 'address'],
    ['负责人', 'owner'],
    ['户主姓名', 'owner'],
    ['法定代表人', 'owner'],
    ['联系人', 'owner'],
    ['档位', 'class'],
    ['客户等级', 'class'],
    ['客户分类', 'segment'],
    ['客户类型', 'segment'],
    ['经营业态', 'businessType'],
    ['市场类型', 'marketType'],
    ['出生日期', 'birthday'],
    ['生日', 'birthday'],
    ['曾用名', 'aliases'],
    ['备注', 'note'],
    // English
    ['Customer Name', 'name'],
    ['Shop name', 'name'],
    ['Company', 'name'],
    ['Customer Code', 'customerCode'],
    ['License No.', 'licenceNo'],
    ['Mobile', 'mobiles'],
    ['E-mail', 'emails'],
    ['Email Address', 'emails'],
    ['Address', 'address'],
    ['Owner', 'owner'],
    ['Grade', 'class'],
    ['Segment', 'segment'],
    ['Birthday', 'birthday'],
    ['Remarks', 'note'],
    // Messy
    ['客户名称（必填）', 'name'],
    [' 手 机 号 ', 'mobiles'],
    ['ＥＭＡＩＬ', 'emails'],
    ['*许可证号', 'licenceNo'],
    ['负责人手机', 'mobiles'],
    ['店主电话', 'phones'], // any number kind; rows.ts routes mobiles found there to mobiles
    ['零售户许可证号码', 'licenceNo'],
    ['详细经营地址', 'address'],
    ['客户名称_1', 'name'],
    ['Mobile No', 'mobiles'],
    ['CUSTOMER_NAME', 'name'],
  ])('a lone %j column is %s', (header, field) => {
    expect(guessMapping([header], 'customers')).toEqual([field]);
  });

  it.each([['客户经理'], ['邮编'], ['许可证有效期'], ['商品名称'], ['updated'], ['经营规模']])('%j is not a standard field: kept as a custom field', (h) => {
    expect(guessMapping([h], 'customers')).toEqual(['custom']);
  });

  it.each([['序号'], ['No.'], ['']])('%j numbers rows or has no header: not imported', (h) => {
    expect(guessMapping([h], 'customers')).toEqual([null]);
  });

  it('a typical tobacco export maps every column', () => {
    const headers = ['序号', '客户编码', '客户名称', '许可证号', '负责人', '联系电话', '经营地址', '档位', '业态', '市场类型', '客户经理', '备注'];
    expect(guessMapping(headers, 'customers')).toEqual([
      null, 'customerCode', 'name', 'licenceNo', 'owner', 'mobiles', 'address', 'class', 'businessType', 'marketType', 'custom', 'note',
    ]);
  });

  it('each field is used once and the best column wins; the runner-up falls to its next field', () => {
    expect(guessMapping(['联系电话', '手机'], 'customers')).toEqual(['phones', 'mobiles']);
    expect(guessMapping(['名称', '客户名称'], 'customers')).toEqual([null, 'name']);
    expect(guessMapping(['手机', '手机'], 'customers')).toEqual(['mobiles', null]);
  });

  it('联系人 is the owner only when there is no owner-like column', () => {
    expect(guessMapping(['客户名称', '联系人'], 'customers')).toEqual(['name', 'owner']);
    expect(guessMapping(['客户名称', '联系人', '负责人'], 'customers')).toEqual(['name', null, 'owner']);
    expect(guessMapping(['客户名称', '联系人', '法人姓名'], 'customers')).toEqual(['name', null, 'owner']);
  });

  it('an export of ours maps back, important dates and custom fields included', () => {
    expect(guessMapping(['客户名称', '重要日期', '经营规模'], 'customers')).toEqual(['name', 'importantDates', 'custom']);
  });

  it('order files get no custom fields', () => {
    expect(guessMapping(['订货日期', '客户编码', '商品', '数量', '金额', '配送线路'], 'orders')).toEqual(['date', 'customerCode', 'product', 'quantity', 'amount', null]);
  });
});

describe('guessMapping: orders', () => {
  it.each([
    ['订货日期', 'date'],
    ['下单日期', 'date'],
    ['日期', 'date'],
    ['Order Date', 'date'],
    ['卷烟名称', 'product'],
    ['品规', 'product'],
    ['商品', 'product'],
    ['Product', 'product'],
    ['订购量', 'quantity'],
    ['数量(条)', 'quantity'],
    ['Qty', 'quantity'],
    ['单位', 'unit'],
    ['金额(元)', 'amount'],
    ['订货金额', 'amount'],
    ['Amount', 'amount'],
    ['单价', 'unitPrice'],
    ['订单号', 'orderNo'],
    ['许可证号', 'licenceNo'],
    ['客户编码', 'customerCode'],
    ['客户名称', 'name'],
    ['手机', 'mobiles'],
  ])('a lone %j column is %s', (header, field) => {
    expect(guessMapping([header], 'orders')).toEqual([field]);
  });

  it('a typical order export', () => {
    const headers = ['订单号', '订货日期', '客户编码', '客户名称', '卷烟名称', '卷烟编码', '单价(元/条)', '订购量(条)', '金额(元)', '单位名称'];
    expect(guessMapping(headers, 'orders')).toEqual(['orderNo', 'date', 'customerCode', 'name', 'product', null, 'unitPrice', 'quantity', 'amount', null]);
  });

  it('"合计数量" is a quantity, not an amount', () => {
    expect(guessMapping(['合计数量', '合计金额'], 'orders')).toEqual(['quantity', 'amount']);
  });
});

describe('detectKind', () => {
  it.each([
    [['客户名称', '许可证号', '手机'], 'customers'],
    [['客户名称', '出生日期', '档位'], 'customers'],
    [['客户名称', '许可证有效期', '地址'], 'customers'],
    [['订货日期', '客户编码', '卷烟名称', '数量', '金额'], 'orders'],
    [['Order Date', 'Customer', 'Amount'], 'orders'],
    [['日期', '许可证号', '商品'], 'orders'],
  ])('%j → %s', (headers, kind) => {
    expect(detectKind(headers)).toBe(kind);
  });
});

describe('checkMapping', () => {
  it('nothing mapped → noRecognisedColumns', () => {
    expect(() => checkMapping([null, null], 'customers')).toThrow(expect.objectContaining({ code: 'noRecognisedColumns' }));
  });
  it('customers need a name column', () => {
    let e: unknown;
    try {
      checkMapping(['mobiles'], 'customers');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('missingColumns');
    expect((e as ImportError).detail).toBe('name');
    expect(() => checkMapping(['name', null], 'customers')).not.toThrow();
  });
  it.each([
    [['licenceNo', 'date', 'product', 'quantity', 'amount'], []],
    [['mobiles', 'date', 'product', 'quantity', 'unitPrice'], []],
    [['date', 'product', 'quantity', 'amount'], ['name']],
    [['name', 'product'], ['date', 'quantity', 'amount']],
  ] as const)('orders %j miss %j', (mapping, missing) => {
    expect(missingFields([...mapping], 'orders')).toEqual(missing);
  });
});

describe('field catalogue', () => {
  it('has unique ids per kind and a label key for each', () => {
    for (const list of [CUSTOMER_FIELDS, ORDER_FIELDS]) {
      const ids = list.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of list) expect(f.labelKey).toBe(`import.field.${f.id}`);
    }
  });
});

describe('detectKind with mixed headers', () => {
  it.each([
    [['客户名称', '客户编码', '许可证号', '手机', '经营地址', '档位', '生日', '主要产品'], 'customers'],
    [['订货日期', '客户编码', '卷烟名称', '订购量(条)', '金额(元)'], 'orders'],
    [['日期', '客户名称', '商品', '数量', '金额', '客户编码'], 'orders'],
  ] as const)('%o → %s', (headers, kind) => expect(detectKind([...headers])).toBe(kind));
});
