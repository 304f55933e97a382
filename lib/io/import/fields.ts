import { toHalfWidth } from '../../match/identifiers';
import type { importMessages } from '../../i18n/import';
import { ImportError } from './errors';

export type ImportKind = 'customers' | 'orders';

export type CustomerFieldId =
  | 'name'
  | 'customerCode'
  | 'licenceNo'
  | 'uscc'
  | 'mobiles'
  | 'phones'
  | 'emails'
  | 'address'
  | 'owner'
  | 'class'
  | 'segment'
  | 'businessType'
  | 'marketType'
  | 'birthday'
  | 'aliases'
  | 'note'
  | 'importantDates'
  | 'custom';

/** Orders reuse the customer identifier fields to say whose order a row is. */
export type OrderFieldId =
  | 'name'
  | 'customerCode'
  | 'licenceNo'
  | 'uscc'
  | 'mobiles'
  | 'emails'
  | 'date'
  | 'product'
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'amount'
  | 'orderNo';

export type FieldId = CustomerFieldId | OrderFieldId;

/** One entry per column: the field it fills, or null to ignore the column. */
export type Mapping = (FieldId | null)[];

export interface FieldSpec {
  id: FieldId;
  /** Key in lib/i18n/import.ts for the field's name (zh-CN / en). */
  labelKey: keyof typeof importMessages;
  /**
   * May take several columns in a manual mapping (their values are merged): list fields, and
   * `custom`, which keeps each column under its own header. The automatic guess still uses a field once.
   */
  multi?: boolean;
  /** Whole-header synonyms, best first (compared after normaliseHeader). */
  exact: readonly string[];
  /** Whole-header synonyms that only count when no better column exists (e.g. 联系人 for owner). */
  weak?: readonly string[];
  /** Keywords that count when the header contains them (CJK substrings; ASCII as whole words). */
  contains?: readonly string[];
  /** Headers containing any of these never map to this field (e.g. 邮件地址 is not an address). */
  exclude?: readonly string[];
  /** Never guessed, only chosen by the manager (custom). */
  manualOnly?: boolean;
}

const NAME: FieldSpec = {
  id: 'name',
  labelKey: 'import.field.name',
  exact: ['客户名称', '客户名', '店名', '店铺名称', '商户名称', '门店名称', '企业名称', '单位名称', '公司名称', '零售户名称', '零售户', '名称', '户名', '客户', '商户', 'customername', 'name', 'customer', 'shopname', 'storename', 'companyname', 'company', 'client', 'clientname'],
  contains: ['客户名称', '名称', '店名', '户名', '商户名', 'name'],
  exclude: ['经理', '商品', '产品', '卷烟', '品名', '品规', '规格', '联系人', '负责人', '法人', '户主', '文件', 'manager', 'product', 'owner', 'contact', 'file', 'user'],
};
const CUSTOMER_CODE: FieldSpec = {
  id: 'customerCode',
  labelKey: 'import.field.customerCode',
  exact: ['客户编码', '客户代码', '客户编号', '客户号', '商户编码', '商户编号', '零售户编码', '客户id', '编码', 'customercode', 'customerid', 'customerno', 'clientid', 'clientcode', 'code'],
  contains: ['客户编码', '客户代码', '客户编号', '编码', '代码', 'code'],
  exclude: ['信用', '邮编', '邮政', '商品', '产品', '卷烟', '订单', '条码', 'product', 'order', 'zip', 'post'],
};
const LICENCE: FieldSpec = {
  id: 'licenceNo',
  labelKey: 'import.field.licenceNo',
  exact: ['许可证号', '许可证编号', '烟草专卖零售许可证号', '专卖许可证号', '零售许可证号', '专卖证号', '许可证', 'licenceno', 'licenseno', 'licencenumber', 'licensenumber', 'licence', 'license'],
  contains: ['许可证', '专卖证', 'licence', 'license'],
  exclude: ['日期', '有效', '期限', '发证', '到期', '状态', 'date', 'expir'],
};
const USCC: FieldSpec = {
  id: 'uscc',
  labelKey: 'import.field.uscc',
  exact: ['统一社会信用代码', '社会信用代码', '统一信用代码', '信用代码', '营业执照号', '营业执照号码', '税号', '纳税人识别号', 'uscc', 'creditcode', 'unifiedsocialcreditcode', 'taxid'],
  contains: ['信用代码', '营业执照', 'uscc'],
  exclude: ['日期', '有效', 'date'],
};
const MOBILES: FieldSpec = {
  id: 'mobiles',
  labelKey: 'import.field.mobiles',
  multi: true,
  exact: ['手机', '手机号', '手机号码', '移动电话', '联系手机', '联系电话', '电话', '电话号码', '联系方式', 'mobile', 'mobilephone', 'mobileno', 'cellphone', 'cell', 'phone', 'phonenumber', 'tel', 'telephone'],
  contains: ['手机', '移动电话', '联系电话', '联系方式', 'mobile', 'cell'],
};
const PHONES: FieldSpec = {
  id: 'phones',
  labelKey: 'import.field.phones',
  multi: true,
  exact: ['座机', '固定电话', '固话', '办公电话', '座机号码', 'landline', 'officephone', 'fixedphone', 'workphone'],
  contains: ['座机', '固话', '固定电话', '电话', 'phone', 'tel', 'landline'],
  exclude: ['传真', 'fax'],
};
const EMAILS: FieldSpec = {
  id: 'emails',
  labelKey: 'import.field.emails',
  multi: true,
  exact: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', '邮件地址', 'email', 'emailaddress', 'mail'],
  contains: ['邮箱', '邮件', 'email', 'mail'],
  exclude: ['邮编', '邮政'],
};

export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  NAME,
  CUSTOMER_CODE,
  LICENCE,
  USCC,
  MOBILES,
  PHONES,
  EMAILS,
  {
    id: 'address',
    labelKey: 'import.field.address',
    exact: ['经营地址', '地址', '店铺地址', '门店地址', '详细地址', '经营场所', '联系地址', '注册地址', 'address'],
    contains: ['地址', '经营场所', 'address', 'addr'],
    exclude: ['邮', 'mail'],
  },
  {
    id: 'owner',
    labelKey: 'import.field.owner',
    exact: ['负责人', '户主', '户主姓名', '法人', '法定代表人', '法人代表', '经营者', '经营者姓名', '店主', '老板', '业主', 'owner', 'ownername', 'legalperson', 'legalrepresentative', 'proprietor'],
    // 联系人 is often the owner in a retailer list but can be a clerk; it only wins when no
    // owner-like column exists (documented in the report to the integrator).
    weak: ['联系人', '联系人姓名', '姓名', 'contact', 'contactperson', 'contactname'],
    contains: ['负责人', '户主', '法定代表', '法人', '经营者', '店主', 'owner'],
    exclude: ['电话', '手机', '邮箱', '证', '身份', '地址', '生日', '出生', 'phone', 'mobile', 'mail', 'birth'],
  },
  {
    id: 'class',
    labelKey: 'import.field.class',
    exact: ['档位', '客户档位', '等级', '客户等级', '级别', '客户级别', 'class', 'grade', 'level', 'tier'],
    contains: ['档位', '等级', '级别', 'grade', 'class', 'level', 'tier'],
    exclude: ['信用'],
  },
  {
    id: 'segment',
    labelKey: 'import.field.segment',
    exact: ['客户分类', '分类', '客户类型', '客户类别', '类别', '客户群', 'segment', 'category', 'customertype'],
    contains: ['分类', '类别', '客户类型', 'segment', 'category'],
    exclude: ['商品', '产品', '卷烟', '业态', '市场'],
  },
  {
    id: 'businessType',
    labelKey: 'import.field.businessType',
    exact: ['业态', '经营业态', '业态类型', '业态分类', 'businesstype', 'format'],
    contains: ['业态', 'business'],
  },
  {
    id: 'marketType',
    labelKey: 'import.field.marketType',
    exact: ['市场类型', '市场', '市场类别', '市场分类', '城乡类型', '城乡', 'markettype', 'market'],
    contains: ['市场', '城乡', 'market'],
  },
  {
    id: 'birthday',
    labelKey: 'import.field.birthday',
    exact: ['生日', '出生日期', '出生年月', '出生年月日', '户主生日', '负责人生日', 'birthday', 'dateofbirth', 'birthdate', 'dob'],
    contains: ['生日', '出生', 'birthday', 'birth'],
  },
  {
    id: 'aliases',
    labelKey: 'import.field.aliases',
    multi: true,
    exact: ['别名', '曾用名', '简称', '其他名称', '又名', 'alias', 'aliases', 'aka'],
    contains: ['别名', '曾用名', '简称', 'alias'],
  },
  {
    id: 'note',
    labelKey: 'import.field.note',
    exact: ['备注', '备注信息', '说明', '附注', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments', 'memo'],
    contains: ['备注', 'note', 'remark', 'comment'],
  },
  {
    id: 'importantDates',
    labelKey: 'import.field.importantDates',
    multi: true,
    exact: ['重要日期', '纪念日', '重要纪念日', 'importantdates', 'importantdate', 'anniversaries'],
    contains: ['纪念日', '重要日期'],
  },
  { id: 'custom', labelKey: 'import.field.custom', multi: true, exact: [], manualOnly: true },
];

/** Headers that number rows rather than describe the customer; never kept as custom fields. */
const ROW_NUMBER_HEADERS = new Set(['序号', '行号', '编号', 'no', 'no.', '#', 'index', 'id']);

export const ORDER_FIELDS: readonly FieldSpec[] = [
  NAME,
  CUSTOMER_CODE,
  LICENCE,
  USCC,
  MOBILES,
  EMAILS,
  {
    id: 'date',
    labelKey: 'import.field.date',
    exact: ['订货日期', '订购日期', '下单日期', '订单日期', '日期', '订货时间', '下单时间', '订单时间', '交易日期', '销售日期', '业务日期', '时间', 'orderdate', 'date', 'orderedat', 'createdat', 'time'],
    contains: ['日期', '时间', 'date', 'time'],
    exclude: ['出生', '生日', '有效', '发证', '到期', 'birth', 'expir'],
  },
  {
    id: 'product',
    labelKey: 'import.field.product',
    exact: ['商品', '商品名称', '商品名', '卷烟名称', '卷烟', '品规', '品规名称', '产品', '产品名称', '品名', '货品', '规格名称', 'product', 'productname', 'item', 'itemname', 'goods', 'sku'],
    contains: ['商品', '卷烟', '品规', '产品', '品名', 'product', 'item'],
    exclude: ['编码', '代码', '编号', '条码', '数量', '金额', '单价', '价格', '单位', '类', 'code', 'id', 'qty', 'price', 'amount'],
  },
  {
    id: 'quantity',
    labelKey: 'import.field.quantity',
    exact: ['数量', '订购量', '订货量', '订购数量', '订货数量', '订单数量', '购买数量', '条数', '件数', '销量', 'quantity', 'qty'],
    contains: ['数量', '订购量', '订货量', '销量', 'quantity', 'qty'],
  },
  {
    id: 'unit',
    labelKey: 'import.field.unit',
    exact: ['单位', '计量单位', 'unit', 'uom'],
    contains: ['单位', 'unit'],
    exclude: ['名称', '价', 'price', 'name'],
  },
  {
    id: 'unitPrice',
    labelKey: 'import.field.unitPrice',
    exact: ['单价', '价格', '批发价', '订货价', '销售单价', '零售价', 'unitprice', 'price'],
    contains: ['单价', '价格', 'price'],
    exclude: ['金额', '总'],
  },
  {
    id: 'amount',
    labelKey: 'import.field.amount',
    exact: ['金额', '订货金额', '订购金额', '订单金额', '总金额', '合计金额', '金额合计', '销售金额', '应付金额', '实付金额', '合计', '总价', 'amount', 'totalamount', 'total', 'sum'],
    contains: ['金额', '总价', '合计', 'amount', 'total'],
    exclude: ['单价', '数量', 'qty', 'quantity'],
  },
  {
    id: 'orderNo',
    labelKey: 'import.field.orderNo',
    exact: ['订单号', '订单编号', '订货单号', '单号', '单据号', '单据编号', '订单id', 'orderno', 'ordernumber', 'orderid'],
    contains: ['订单号', '订单编号', '单号', '单据'],
  },
];

export const fieldsFor = (kind: ImportKind): readonly FieldSpec[] => (kind === 'customers' ? CUSTOMER_FIELDS : ORDER_FIELDS);

/** Identifier fields that can say whose order a row is, strongest first. */
export const ORDER_KEY_FIELDS = ['licenceNo', 'customerCode', 'uscc', 'mobiles', 'emails', 'name'] as const satisfies readonly OrderFieldId[];

// ---------------------------------------------------------------- header matching

const BRACKETED = /[(（[【［<《{][^)）\]】］>》}]*[)）\]】］>》}]/g;
const PUNCTUATION = /[\s\-_.·•:：*＊#№'"`‘’“”/\\|?？!！]+/g;

/**
 * Compact comparable form of a header: half-width, lower case, without bracketed units or notes
 * ("金额(元)", "手机号（必填）") and without spaces or punctuation ("E-mail", "Customer Name").
 */
export function normaliseHeader(header: string): string {
  const h = toHalfWidth(header).toLowerCase();
  const compact = h.replace(BRACKETED, '').replace(PUNCTUATION, '');
  // A header that is all brackets ("[客户名称]") keeps its inside.
  return compact || h.replace(/[()[\]【】<>《》{}（）［］]/g, '').replace(PUNCTUATION, '');
}

/** Lower-case words of a header, for ASCII keywords ("Order Date" has the word "date", "update" does not). */
const words = (header: string): string =>
  ` ${toHalfWidth(header)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')} `;

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** How well a header fits a field: 0 none, weak 300, contains 500+, exact 1000−rank. */
export function headerScore(header: string, field: FieldSpec): number {
  if (field.manualOnly) return 0;
  const n = normaliseHeader(header);
  if (!n) return 0;
  if (field.exclude?.some((x) => n.includes(x))) return 0;
  const rank = field.exact.indexOf(n);
  if (rank >= 0) return 1000 - rank;
  let best = 0;
  if (field.contains) {
    const w = words(header);
    for (const k of field.contains) {
      const hit = isAscii(k) ? w.includes(` ${k} `) || w.includes(` ${k}s `) : n.includes(k);
      // Longer keywords are more specific: 客户名称 beats 名称.
      if (hit) best = Math.max(best, 500 + Math.min(k.length, 20) * 10);
    }
  }
  if (!best && field.weak?.includes(n)) best = 300;
  return best;
}

/**
 * The likely field of each column. Every (column, field) pair is scored and the best pairs are taken
 * first, each column and each field at most once, so "手机" takes mobiles and a second "联系电话"
 * falls through to phones instead of being dropped.
 */
export function guessMapping(headers: readonly string[], kind: ImportKind): Mapping {
  const fields = fieldsFor(kind);
  const pairs: { col: number; field: FieldId; score: number }[] = [];
  headers.forEach((h, col) => {
    for (const f of fields) {
      const score = headerScore(h, f);
      if (score > 0) pairs.push({ col, field: f.id, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const mapping: Mapping = headers.map(() => null);
  const used = new Set<FieldId>();
  for (const p of pairs) {
    if (mapping[p.col] !== null || used.has(p.field)) continue;
    mapping[p.col] = p.field;
    used.add(p.field);
  }
  // Other named columns of a customer list (经营规模, 授信额度 …) are part of the archive: kept as custom
  // fields under their own header, which the manager sees in the mapping step and can switch off.
  // A column that resembled a field but lost to a better one (a second 手机) stays unmapped.
  if (kind === 'customers') {
    const resembling = new Set(pairs.map((p) => p.col));
    headers.forEach((h, col) => {
      if (mapping[col] === null && !resembling.has(col) && h.trim() && !ROW_NUMBER_HEADERS.has(normaliseHeader(h))) mapping[col] = 'custom';
    });
  }
  return mapping;
}

/**
 * An order history has a date and a product or amount column, and its headers read more like orders than
 * like a customer list: a customer list with 生日 and a custom 主要产品 column stays a customer list.
 */
export function detectKind(headers: readonly string[]): ImportKind {
  const orders = guessMapping(headers, 'orders');
  if (!(orders.includes('date') && (orders.includes('product') || orders.includes('amount')))) return 'customers';
  const recognised = (m: Mapping) => m.filter((f) => f !== null).length;
  return recognised(orders) >= recognised(guessMapping(headers, 'customers')) ? 'orders' : 'customers';
}

/** Required fields without a column; for orders "a customer column" is reported as `name`. */
export function missingFields(mapping: Mapping, kind: ImportKind): FieldId[] {
  const has = (f: FieldId) => mapping.includes(f);
  if (kind === 'customers') return has('name') ? [] : ['name'];
  const missing: FieldId[] = [];
  if (!ORDER_KEY_FIELDS.some(has)) missing.push('name');
  if (!has('date')) missing.push('date');
  if (!has('product')) missing.push('product');
  if (!has('quantity')) missing.push('quantity');
  if (!has('amount') && !has('unitPrice')) missing.push('amount');
  return missing;
}

/** Throws ImportError when nothing is mapped, or a required field has no column. */
export function checkMapping(mapping: Mapping, kind: ImportKind): void {
  if (!mapping.some((f) => f !== null)) throw new ImportError('noRecognisedColumns');
  const missing = missingFields(mapping, kind);
  // kind lets the message say "a customer column" rather than "customer name" for orders.
  if (missing.length) throw new ImportError('missingColumns', missing.join(','), { kind });
}
