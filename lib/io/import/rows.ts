import { z } from 'zod';
import type { OrderLine } from '../../model/activity';
import type { Customer } from '../../model/customer';
import {
  type IdentifierKind,
  normaliseEmail,
  normaliseLicence,
  normaliseMobile,
  normaliseUscc,
  toHalfWidth,
} from '../../match/identifiers';
import { checkMapping, type FieldId, type Mapping } from './fields';
import type { Table } from './read-table';
import { columnLetter } from './read-table';
import { isPlaceholder, isScientific, parseDateCell, parseNumberCell, parseQuantityCell, splitList, toEpochMs } from './values';

/** What a valid customer row becomes: a Customer without id and timestamps, identifiers normalised. */
export type CustomerDraft = Omit<Customer, 'id' | 'createdAt' | 'updatedAt'>;

export interface OrderKey {
  kind: IdentifierKind | 'name';
  /** Normalised like lib/match/identifiers (identKey-ready); for `name` the trimmed name as written. */
  value: string;
}

export interface OrderDraft extends OrderLine {
  /** The strongest identifier of the row: licence > customerCode > uscc > mobile > email > name. */
  key: OrderKey;
  /** Every identifier the row carries, strongest first (key is keys[0]). */
  keys: OrderKey[];
  /** Epoch ms: local midnight of the order date, or the local time when the cell has one. */
  at: number;
  /** True when `at` came with a time of day. */
  hasTime: boolean;
  orderNo?: string;
}

export type RowErrorCode =
  | 'required'
  | 'badLicence'
  | 'badUscc'
  | 'badMobile'
  | 'badPhone'
  | 'badEmail'
  | 'badDate'
  | 'badNumber'
  | 'tooLong'
  | 'scientific'; // "4.40301E+11": Excel already dropped the digits

export type RowWarningCode = 'notMobile' | 'negativeQuantity';

export interface RowError {
  field: FieldId;
  code: RowErrorCode;
  value: string;
  /** tooLong: the maximum length. */
  max?: number;
}

export interface RowWarning {
  field: FieldId;
  code: RowWarningCode;
  value: string;
}

/** A valid row has a draft (and maybe warnings); an invalid one has errors and no draft. */
export type RowResult<T> =
  | { rowNumber: number; draft: T; errors?: undefined; warnings: RowWarning[] }
  | { rowNumber: number; draft?: undefined; errors: RowError[]; warnings: RowWarning[] };

/** Limits of the model (lib/model/common: ShortText 200, LongText 20 000, custom 100/2 000). */
const SHORT = 200;
const LONG = 20_000;
const CUSTOM_KEY = 100;
const CUSTOM_VALUE = 2_000;

const EMAIL = z.regexes.email;

/** Column indexes per field, in column order. */
function columnsByField(mapping: Mapping): Map<FieldId, number[]> {
  const cols = new Map<FieldId, number[]>();
  mapping.forEach((f, i) => {
    if (!f) return;
    const list = cols.get(f);
    if (list) list.push(i);
    else cols.set(f, [i]);
  });
  return cols;
}

const NONE: readonly string[] = Object.freeze([]) as readonly string[];
const addOnce = (list: string[], v: string) => {
  if (!list.includes(v)) list.push(v);
};

/** Row accessor that hides placeholder cells ("无", "-", "NULL") and collects problems. */
class RowReader {
  row: string[] = [];
  errors: RowError[] = [];
  warnings: RowWarning[] = [];

  constructor(private readonly cols: Map<FieldId, number[]>) {}

  reset(row: string[]): void {
    this.row = row;
    this.errors = [];
    this.warnings = [];
  }

  private cell(i: number): string {
    const v = this.row[i] ?? '';
    return v && isPlaceholder(v) ? '' : v;
  }

  /** First non-empty cell among the field's columns (a scalar field mapped twice: the first filled one wins). */
  one(field: FieldId): string {
    const cols = this.cols.get(field);
    if (!cols) return '';
    for (const c of cols) {
      const v = this.cell(c);
      if (v) return v;
    }
    return '';
  }

  /** Every non-empty cell of the field (a list field may have several columns). */
  all(field: FieldId): readonly string[] {
    const cols = this.cols.get(field);
    if (!cols) return NONE;
    if (cols.length === 1) {
      const v = this.cell(cols[0]);
      return v ? [v] : NONE;
    }
    const out: string[] = [];
    for (const col of cols) {
      const value = this.cell(col);
      if (value) out.push(value);
    }
    return out;
  }

  error(field: FieldId, code: RowErrorCode, value: string, max?: number): void {
    this.errors.push(max === undefined ? { field, code, value } : { field, code, value, max });
  }

  warn(field: FieldId, code: RowWarningCode, value: string): void {
    this.warnings.push({ field, code, value });
  }

  /** Text within a model limit; too long is an error rather than a silent cut. */
  text(field: FieldId, value: string, max = SHORT): string | undefined {
    if (!value) return undefined;
    if (value.length > max) {
      this.error(field, 'tooLong', value.slice(0, 50) + '…', max);
      return undefined;
    }
    return value;
  }
}

/** A phone number as people write it: digits with + - ( ) spaces, an extension; at least 5 digits (95588). */
function isPhoneLike(s: string): boolean {
  const t = toHalfWidth(s);
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(t)) return false; // a date in the wrong column is not a phone number
  if (!/^[+\d(][\d\s()+\-#*,.]*(?:(?:转|分机|ext\.?|x)\s*\d+)?$/i.test(t)) return false;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20 && !/^0+$/.test(t.replace(/\D/g, ''));
}

const phoneText = (s: string) => toHalfWidth(s).trim().replace(/\s+/g, ' ');
const stripNotes = (s: string) => s.replace(/[（(][^)）]*[^\d\s)）+\-][^)）]*[)）]/g, '').trim(); // "(微信同号)"

/**
 * Mobiles and phones from one cell, wherever the column says they belong: a number that normalises as a
 * mainland mobile goes to mobiles, any other phone number to phones (with a warning if it came from a
 * mobile column), so a "联系电话" column holding both kinds loses nothing.
 */
function readNumbers(r: RowReader, field: 'mobiles' | 'phones', cell: string, mobiles: string[], phones: string[]): void {
  // Lists are plain arrays (a row has one or two numbers): 100k rows × four Sets cost more in GC than the checks.
  for (const part of splitList(cell)) {
    const m = normaliseMobile(part) ?? normaliseMobile(stripNotes(part));
    if (m) {
      addOnce(mobiles, m);
      continue;
    }
    if (isScientific(part)) {
      r.error(field, 'scientific', part);
      continue;
    }
    // "13800138000 13900139000": several mobiles separated by spaces only.
    const pieces = part.split(/\s+/);
    if (pieces.length > 1) {
      const ms = pieces.map((p) => normaliseMobile(p));
      if (ms.every((x) => x !== null)) {
        for (const x of ms) addOnce(mobiles, x as string);
        continue;
      }
    }
    const p = stripNotes(part) || part;
    if (isPhoneLike(p)) {
      addOnce(phones, phoneText(p));
      if (field === 'mobiles') r.warn(field, 'notMobile', part);
    } else {
      r.error(field, field === 'mobiles' ? 'badMobile' : 'badPhone', part);
    }
  }
}

function readEmails(r: RowReader, field: FieldId, out: string[]): void {
  for (const value of r.all(field)) {
    for (const item of splitList(value)) {
      for (const part of item.split(/\s+/)) {
        if (!part) continue;
        const e = normaliseEmail(part.replace(/^mailto:/i, ''));
        if (e.length <= SHORT && EMAIL.test(e)) addOnce(out, e);
        else r.error(field, 'badEmail', part);
      }
    }
  }
}

function readLicence(r: RowReader): string | undefined {
  const v = r.one('licenceNo');
  if (!v) return undefined;
  const n = normaliseLicence(v);
  if (!n) r.error('licenceNo', isScientific(v) ? 'scientific' : 'badLicence', v);
  return n ?? undefined;
}

function readUscc(r: RowReader): string | undefined {
  const v = r.one('uscc');
  if (!v) return undefined;
  const n = normaliseUscc(v);
  if (!n) r.error('uscc', 'badUscc', v);
  return n ?? undefined;
}

function readCode(r: RowReader): string | undefined {
  const v = r.one('customerCode');
  if (!v) return undefined;
  if (isScientific(v)) {
    r.error('customerCode', 'scientific', v);
    return undefined;
  }
  return r.text('customerCode', toHalfWidth(v).trim());
}

function finish<T>(rowNumber: number, r: RowReader, draft: T): RowResult<T> {
  return r.errors.length ? { rowNumber, errors: r.errors, warnings: r.warnings } : { rowNumber, draft, warnings: r.warnings };
}

const TEXT_FIELDS = ['address', 'owner', 'class', 'segment', 'businessType', 'marketType'] as const;

/**
 * One result per data row of a customer list. Throws ImportError when the mapping has no name column
 * (checkMapping). Every problem of a row is reported, not just the first, so the manager fixes a row once.
 */
export function validateCustomerRows(table: Table, mapping: Mapping): RowResult<CustomerDraft>[] {
  checkMapping(mapping, 'customers');
  const cols = columnsByField(mapping);
  const customCols = (cols.get('custom') ?? []).map((c) => ({
    col: c,
    key: (table.headers[c] || columnLetter(c)).slice(0, CUSTOM_KEY),
  }));
  const r = new RowReader(cols);
  const out: RowResult<CustomerDraft>[] = new Array(table.rows.length);

  for (let i = 0; i < table.rows.length; i++) {
    r.reset(table.rows[i]);
    const nameCell = r.one('name');
    const name = r.text('name', nameCell);
    if (!nameCell) r.error('name', 'required', '');

    const mobiles: string[] = [];
    const phones: string[] = [];
    for (const value of r.all('mobiles')) readNumbers(r, 'mobiles', value, mobiles, phones);
    for (const value of r.all('phones')) readNumbers(r, 'phones', value, mobiles, phones);
    const emails: string[] = [];
    readEmails(r, 'emails', emails);

    const aliases: string[] = [];
    for (const value of r.all('aliases')) {
      for (const a of splitList(value)) {
        const t = r.text('aliases', a);
        if (t && t !== name) addOnce(aliases, t);
      }
    }

    const draft: CustomerDraft = { name: name ?? '', aliases, mobiles, phones, emails, importantDates: [], custom: {} };
    const licenceNo = readLicence(r);
    if (licenceNo) draft.licenceNo = licenceNo;
    const customerCode = readCode(r);
    if (customerCode) draft.customerCode = customerCode;
    const uscc = readUscc(r);
    if (uscc) draft.uscc = uscc;
    for (const f of TEXT_FIELDS) {
      const v = r.text(f, r.one(f));
      if (v) draft[f] = v;
    }
    const birthday = r.one('birthday');
    if (birthday) {
      const d = parseDateCell(birthday, { allowNoYear: true });
      if (d) draft.birthday = d.date;
      else r.error('birthday', 'badDate', birthday);
    }
    const notes = r.all('note');
    if (notes.length) {
      const note = r.text('note', notes.join('\n'), LONG);
      if (note) draft.note = note;
    }
    // Important dates as the export writes them: "开业日 2019-11-28、结婚纪念日 --05-20".
    for (const value of r.all('importantDates')) {
      // Not splitList: a slash belongs to the date here (2021/3/8).
      for (const item of value.split(/[、;；,，\n]+/).filter((x) => x.trim())) {
        const m = /^(.*?)[\s:：]*((?:\d{4}|-)-?[\d./年月日-]+)$/.exec(item.trim());
        const d = m && parseDateCell(m[2].startsWith('--') ? m[2].slice(2) : m[2], { allowNoYear: true });
        const label = m && r.text('importantDates', m[1].trim());
        if (d && label) draft.importantDates.push({ label, date: d.date });
        else r.error('importantDates', 'badDate', item);
      }
    }
    for (const { col, key } of customCols) {
      const v = r.text('custom', r.row[col] && !isPlaceholder(r.row[col]) ? r.row[col] : '', CUSTOM_VALUE);
      if (v) draft.custom[key] = v;
    }
    out[i] = finish(table.rowNumbers[i], r, draft);
  }
  return out;
}

/**
 * One result per data row of an order history. Throws ImportError when the mapping lacks a customer,
 * date, product, quantity or amount/price column (checkMapping).
 */
export function validateOrderRows(table: Table, mapping: Mapping): RowResult<OrderDraft>[] {
  checkMapping(mapping, 'orders');
  const cols = columnsByField(mapping);
  const r = new RowReader(cols);
  const out: RowResult<OrderDraft>[] = new Array(table.rows.length);

  for (let i = 0; i < table.rows.length; i++) {
    r.reset(table.rows[i]);

    // Whose order: every identifier present, strongest first.
    const keys: OrderKey[] = [];
    const licence = readLicence(r);
    if (licence) keys.push({ kind: 'licence', value: licence });
    const code = readCode(r);
    if (code) keys.push({ kind: 'customerCode', value: code });
    const uscc = readUscc(r);
    if (uscc) keys.push({ kind: 'uscc', value: uscc });
    const mobiles: string[] = [];
    const phones: string[] = []; // a landline cannot identify a customer; dropped with the warning
    for (const value of r.all('mobiles')) readNumbers(r, 'mobiles', value, mobiles, phones);
    for (const m of mobiles) keys.push({ kind: 'mobile', value: m });
    const emails: string[] = [];
    readEmails(r, 'emails', emails);
    for (const e of emails) keys.push({ kind: 'email', value: e });
    const name = r.text('name', r.one('name'));
    if (name) keys.push({ kind: 'name', value: name });
    if (keys.length === 0 && r.errors.length === 0) r.error('name', 'required', '');

    const dateCell = r.one('date');
    const date = dateCell ? parseDateCell(dateCell) : null;
    if (!dateCell) r.error('date', 'required', '');
    else if (!date) r.error('date', 'badDate', dateCell);

    const productCell = r.one('product');
    const product = r.text('product', productCell);
    if (!productCell) r.error('product', 'required', '');

    let unit = r.text('unit', r.one('unit'));
    const qtyCell = r.one('quantity');
    const qty = qtyCell ? parseQuantityCell(qtyCell) : null;
    if (!qtyCell) r.error('quantity', 'required', '');
    else if (!qty) r.error('quantity', 'badNumber', qtyCell);
    if (qty?.unit && !unit) unit = qty.unit;

    const priceCell = r.one('unitPrice');
    const price = priceCell ? parseNumberCell(priceCell) : null;
    if (priceCell && price === null) r.error('unitPrice', 'badNumber', priceCell);

    const amountCell = r.one('amount');
    let amount = amountCell ? parseNumberCell(amountCell) : null;
    if (amountCell && amount === null) r.error('amount', 'badNumber', amountCell);
    else if (!amountCell) {
      if (price !== null && qty) amount = Math.round(price * qty.value * 100) / 100;
      else if (!priceCell) r.error('amount', 'required', '');
    }

    let quantity = qty?.value ?? 0;
    if (quantity < 0) {
      // A return written as a negative quantity: the model keeps quantities non-negative and the sign on the amount.
      r.warn('quantity', 'negativeQuantity', qtyCell);
      quantity = -quantity;
      if (amount !== null && amount > 0) amount = -amount;
    }

    const orderNoCell = r.one('orderNo');
    const orderNo = orderNoCell ? r.text('orderNo', toHalfWidth(orderNoCell).trim()) : undefined;

    const draft: OrderDraft = {
      key: keys[0],
      keys,
      at: date ? toEpochMs(date) : 0,
      hasTime: Boolean(date?.time),
      product: product ?? '',
      quantity,
      amount: amount ?? 0,
    };
    if (unit) draft.unit = unit;
    if (orderNo) draft.orderNo = orderNo;
    out[i] = finish(table.rowNumbers[i], r, draft);
  }
  return out;
}
