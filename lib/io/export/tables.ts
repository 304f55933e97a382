/**
 * Column definitions that turn the model into export rows (CSV and XLSX share them).
 *
 * The Chinese headers are the names the import side recognises (客户名称, 客户编码, 许可证号 …), so an
 * exported file can be imported again without mapping columns by hand. Only importable fields are
 * exported: an unknown header would come back as a custom field. Multi-valued fields are joined with
 * `、`, which the import side splits on (together with , ; /).
 *
 * Interactions are flattened: an order gives one row per order line (product, quantity, unit, amount),
 * with the order's other fields repeated on each line so that filtering and sums work in a spreadsheet;
 * `记录编号` (the interaction id) groups the lines of one order again on re-import. Every interaction
 * and contact row carries the customer's name, code and licence number so that it can be attributed.
 */
import { common } from '../../i18n/common';
import type { Locale } from '../../i18n';
import type { Contact, Customer, Interaction, OrderLine } from '../../model';

export type ExportCell = string | number | undefined;
export type LocalisedText = Record<Locale, string>;

export interface ExportContext {
  locale: Locale;
  /** Customers by id, to attribute contacts and interactions. */
  customersById: ReadonlyMap<string, Customer>;
  /** Formats an epoch-ms time for a cell; defaults to local `YYYY-MM-DD HH:mm`. */
  formatTime: (ms: number) => string;
}

export interface ExportColumn<R> {
  id: string;
  header: LocalisedText;
  value: (record: R, ctx: ExportContext) => ExportCell;
}

/** One row of the interactions table: an interaction, or one line of an order. */
export interface InteractionRow {
  interaction: Interaction;
  line?: OrderLine;
}

/** Separator for multi-valued fields; the import side splits on 、 , ; / */
export const LIST_SEPARATOR = '、';

const list = (values: readonly string[] | undefined): ExportCell => (values && values.length ? values.join(LIST_SEPARATOR) : undefined);

const pad = (n: number) => String(n).padStart(2, '0');
/** Local `YYYY-MM-DD HH:mm`. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function exportContext(locale: Locale, customers: readonly Customer[], formatTime: (ms: number) => string = formatLocalTime): ExportContext {
  return { locale, customersById: new Map(customers.map((c) => [c.id, c])), formatTime };
}

/** The three columns that say whose record a contact or interaction row is. */
function attribution<R>(customerId: (r: R) => string): ExportColumn<R>[] {
  const of = (r: R, ctx: ExportContext) => ctx.customersById.get(customerId(r));
  return [
    { id: 'customerName', header: { 'zh-CN': '客户名称', en: 'Customer name' }, value: (r, ctx) => of(r, ctx)?.name },
    { id: 'customerCode', header: { 'zh-CN': '客户编码', en: 'Customer code' }, value: (r, ctx) => of(r, ctx)?.customerCode },
    { id: 'licenceNo', header: { 'zh-CN': '许可证号', en: 'Licence no.' }, value: (r, ctx) => of(r, ctx)?.licenceNo },
  ];
}

export const customerColumns: ExportColumn<Customer>[] = [
  { id: 'name', header: { 'zh-CN': '客户名称', en: 'Customer name' }, value: (c) => c.name },
  { id: 'customerCode', header: { 'zh-CN': '客户编码', en: 'Customer code' }, value: (c) => c.customerCode },
  { id: 'licenceNo', header: { 'zh-CN': '许可证号', en: 'Licence no.' }, value: (c) => c.licenceNo },
  { id: 'uscc', header: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' }, value: (c) => c.uscc },
  { id: 'mobiles', header: { 'zh-CN': '手机', en: 'Mobile' }, value: (c) => list(c.mobiles) },
  { id: 'phones', header: { 'zh-CN': '电话', en: 'Phone' }, value: (c) => list(c.phones) },
  { id: 'emails', header: { 'zh-CN': '邮箱', en: 'Email' }, value: (c) => list(c.emails) },
  { id: 'address', header: { 'zh-CN': '经营地址', en: 'Business address' }, value: (c) => c.address },
  { id: 'owner', header: { 'zh-CN': '负责人', en: 'Owner' }, value: (c) => c.owner },
  { id: 'class', header: { 'zh-CN': '档位', en: 'Class' }, value: (c) => c.class },
  { id: 'segment', header: { 'zh-CN': '客户分类', en: 'Segment' }, value: (c) => c.segment },
  { id: 'businessType', header: { 'zh-CN': '业态', en: 'Business type' }, value: (c) => c.businessType },
  { id: 'marketType', header: { 'zh-CN': '市场类型', en: 'Market type' }, value: (c) => c.marketType },
  { id: 'birthday', header: { 'zh-CN': '生日', en: 'Birthday' }, value: (c) => c.birthday },
  {
    id: 'importantDates',
    header: { 'zh-CN': '重要日期', en: 'Important dates' },
    // `开业纪念日 2015-06-01、结婚纪念日 --10-08`: label, a space, the date (the date never holds a space).
    value: (c) => list(c.importantDates.map((d) => `${d.label} ${d.date}`)),
  },
  { id: 'aliases', header: { 'zh-CN': '别名', en: 'Aliases' }, value: (c) => list(c.aliases) },
  { id: 'note', header: { 'zh-CN': '备注', en: 'Note' }, value: (c) => c.note },
];

/**
 * A column for one custom field (`Customer.custom`): the header is the field's own name in both
 * languages, so it comes back as the same custom field. A name that clashes with a standard header gets
 * a suffix rather than being read back into the standard field.
 */
export function customFieldColumn(key: string): ExportColumn<Customer> {
  const taken = customerColumns.some((c) => c.header['zh-CN'] === key || c.header.en === key);
  return {
    id: `custom:${key}`,
    header: taken ? { 'zh-CN': `${key}（自定义）`, en: `${key} (custom)` } : { 'zh-CN': key, en: key },
    value: (c) => c.custom[key],
  };
}

export const contactColumns: ExportColumn<Contact>[] = [
  ...attribution<Contact>((c) => c.customerId),
  { id: 'name', header: { 'zh-CN': '联系人', en: 'Contact name' }, value: (c) => c.name },
  { id: 'role', header: { 'zh-CN': '角色', en: 'Role' }, value: (c, ctx) => common[`role.${c.role}`][ctx.locale] },
  {
    id: 'attitude',
    header: { 'zh-CN': '态度', en: 'Attitude' },
    value: (c, ctx) => (c.attitude ? common[`attitude.${c.attitude}`][ctx.locale] : undefined),
  },
  { id: 'title', header: { 'zh-CN': '职务', en: 'Job title' }, value: (c) => c.title },
  { id: 'mobiles', header: { 'zh-CN': '手机', en: 'Mobile' }, value: (c) => list(c.mobiles) },
  { id: 'phones', header: { 'zh-CN': '电话', en: 'Phone' }, value: (c) => list(c.phones) },
  { id: 'emails', header: { 'zh-CN': '邮箱', en: 'Email' }, value: (c) => list(c.emails) },
  { id: 'note', header: { 'zh-CN': '备注', en: 'Note' }, value: (c) => c.note },
];

export const interactionColumns: ExportColumn<InteractionRow>[] = [
  ...attribution<InteractionRow>((r) => r.interaction.customerId),
  { id: 'at', header: { 'zh-CN': '时间', en: 'Time' }, value: (r, ctx) => ctx.formatTime(r.interaction.at) },
  {
    id: 'kind',
    header: { 'zh-CN': '类型', en: 'Type' },
    value: (r, ctx) => common[`interaction.${r.interaction.kind}`][ctx.locale],
  },
  { id: 'channel', header: { 'zh-CN': '渠道', en: 'Channel' }, value: (r) => r.interaction.channel },
  { id: 'summary', header: { 'zh-CN': '内容', en: 'Summary' }, value: (r) => r.interaction.summary || undefined },
  { id: 'product', header: { 'zh-CN': '商品', en: 'Product' }, value: (r) => r.line?.product },
  { id: 'quantity', header: { 'zh-CN': '数量', en: 'Quantity' }, value: (r) => r.line?.quantity },
  { id: 'unit', header: { 'zh-CN': '单位', en: 'Unit' }, value: (r) => r.line?.unit },
  { id: 'amount', header: { 'zh-CN': '金额', en: 'Amount' }, value: (r) => r.line?.amount },
  { id: 'pageTitle', header: { 'zh-CN': '页面标题', en: 'Page title' }, value: (r) => r.interaction.pageTitle },
  { id: 'pageUrl', header: { 'zh-CN': '页面地址', en: 'Page URL' }, value: (r) => r.interaction.pageUrl },
  { id: 'id', header: { 'zh-CN': '记录编号', en: 'Record ID' }, value: (r) => r.interaction.id },
];

/** One row per order line; an order without lines and every other interaction give one row. */
export function interactionRows(interactions: readonly Interaction[]): InteractionRow[] {
  return interactions.flatMap((interaction) =>
    interaction.lines?.length ? interaction.lines.map((line) => ({ interaction, line })) : [{ interaction }],
  );
}

export const headerOf = <R>(columns: readonly ExportColumn<R>[], locale: Locale): string[] => columns.map((c) => c.header[locale]);

export const rowOf = <R>(columns: readonly ExportColumn<R>[], record: R, ctx: ExportContext): ExportCell[] =>
  columns.map((c) => c.value(record, ctx));
