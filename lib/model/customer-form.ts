import { normaliseEmail, normaliseLicence, normaliseMobile, normaliseUscc, toHalfWidth } from '../match/identifiers';
import { CalendarDate } from './common';
import type { Contact, Customer, CustomerInput } from './customer';

/**
 * The customer and contact edit forms as text, and their conversion to the model with one message per
 * field. Identifiers are normalised the same way the page detectors and the import do, so what the manager
 * types matches what pages show.
 */
export interface CustomerForm {
  name: string;
  aliases: string;
  licenceNo: string;
  customerCode: string;
  uscc: string;
  mobiles: string;
  phones: string;
  emails: string;
  class: string;
  segment: string;
  businessType: string;
  marketType: string;
  address: string;
  owner: string;
  birthday: string;
  note: string;
  importantDates: { label: string; date: string }[];
  custom: { key: string; value: string }[];
}
export type CustomerFormField = Exclude<keyof CustomerForm, 'importantDates' | 'custom'> | `importantDates.${number}` | `custom.${number}`;

export type FieldErrorCode = 'required' | 'badLicence' | 'badUscc' | 'badMobile' | 'badEmail' | 'badDate' | 'tooLong' | 'duplicateKey';
export interface FieldError {
  code: FieldErrorCode;
  /** The offending part, e.g. the one bad mobile among several. */
  value?: string;
}

/** Multi-valued inputs: 、 , ， ; ； / and line breaks separate values (spaces do not: "7-Eleven 便利店"). */
export const splitList = (s: string): string[] =>
  toHalfWidth(s)
    .split(/[、,;/\n\uFF0C\uFF1B]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Identifier lists also allow spaces between values ("13800138000 13900139000"), but a value may be
 * written with spaces itself ("138 0013 8000"): a part is split on spaces only when it is not one
 * valid value as a whole.
 */
export function splitIdentifiers<T>(s: string, norm: (v: string) => T | null): string[] {
  return splitList(s).flatMap((part) => (norm(part) !== null || !/\s/.test(part) ? [part] : part.split(/\s+/)));
}

const joinList = (values: readonly string[] | undefined) => (values ?? []).join('、');

export function formFromCustomer(c?: Partial<Customer>): CustomerForm {
  return {
    name: c?.name ?? '',
    aliases: joinList(c?.aliases),
    licenceNo: c?.licenceNo ?? '',
    customerCode: c?.customerCode ?? '',
    uscc: c?.uscc ?? '',
    mobiles: joinList(c?.mobiles),
    phones: joinList(c?.phones),
    emails: joinList(c?.emails),
    class: c?.class ?? '',
    segment: c?.segment ?? '',
    businessType: c?.businessType ?? '',
    marketType: c?.marketType ?? '',
    address: c?.address ?? '',
    owner: c?.owner ?? '',
    birthday: c?.birthday ?? '',
    note: c?.note ?? '',
    importantDates: (c?.importantDates ?? []).map((d) => ({ ...d })),
    custom: Object.entries(c?.custom ?? {}).map(([key, value]) => ({ key, value })),
  };
}

const SHORT = 200;

const normaliseEmailOrNull = (v: string): string | null => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normaliseEmail(v)) ? normaliseEmail(v) : null);

/** Reads a list input with a normaliser: the distinct normalised values, and the first value that is not valid. */
function readList<T>(raw: string, norm: (v: string) => T | null, code: FieldErrorCode): { values: T[]; error?: FieldError } {
  const values: T[] = [];
  let error: FieldError | undefined;
  for (const v of splitIdentifiers(raw, norm)) {
    const n = norm(v);
    if (n === null) error ??= { code, value: v };
    else if (!values.includes(n)) values.push(n);
  }
  return { values, error };
}
const opt = (s: string) => s.trim() || undefined;

/**
 * Form → model. Returns the customer when every field is valid, else the errors by field. `base` carries
 * what the form does not edit (id, createdAt, and for an existing customer everything else unchanged).
 */
export function customerFromForm(
  form: CustomerForm,
  base: Pick<Customer, 'id' | 'createdAt'> & Partial<Customer>,
): { customer: CustomerInput; errors?: undefined } | { customer?: undefined; errors: Partial<Record<CustomerFormField, FieldError>> } {
  const errors: Partial<Record<CustomerFormField, FieldError>> = {};
  const each = <T>(field: CustomerFormField, raw: string, norm: (v: string) => T | null, code: FieldErrorCode): T[] => {
    const { values, error } = readList(raw, norm, code);
    if (error) errors[field] ??= error;
    return values;
  };
  const one = <T>(field: CustomerFormField, raw: string, norm: (v: string) => T | null, code: FieldErrorCode): T | undefined => {
    if (!raw.trim()) return undefined;
    const n = norm(raw);
    if (n === null) errors[field] = { code, value: raw.trim() };
    return n ?? undefined;
  };

  const name = form.name.trim();
  if (!name) errors.name = { code: 'required' };
  for (const f of ['name', 'customerCode', 'class', 'segment', 'businessType', 'marketType', 'address', 'owner'] as const) {
    if (form[f].trim().length > SHORT) errors[f] = { code: 'tooLong' };
  }
  const birthday = one('birthday', form.birthday, (v) => (CalendarDate.safeParse(toHalfWidth(v).trim()).success ? toHalfWidth(v).trim() : null), 'badDate');
  const importantDates = form.importantDates
    .map((d, i) => ({ i, label: d.label.trim(), date: toHalfWidth(d.date).trim() }))
    .filter((d) => d.label || d.date);
  for (const d of importantDates) {
    if (!d.label) errors[`importantDates.${d.i}`] = { code: 'required' };
    else if (!CalendarDate.safeParse(d.date).success) errors[`importantDates.${d.i}`] = { code: 'badDate', value: d.date };
  }
  const custom: Record<string, string> = {};
  form.custom.forEach((c, i) => {
    const key = c.key.trim();
    if (!key && !c.value.trim()) return;
    if (!key) errors[`custom.${i}`] = { code: 'required' };
    else if (key in custom) errors[`custom.${i}`] = { code: 'duplicateKey', value: key };
    else custom[key] = c.value.trim();
  });

  const customer: CustomerInput = {
    updatedAt: Date.now(),
    ...base,
    name,
    aliases: splitList(form.aliases).filter((a) => a !== name),
    licenceNo: one('licenceNo', form.licenceNo, normaliseLicence, 'badLicence'),
    customerCode: opt(toHalfWidth(form.customerCode)),
    uscc: one('uscc', form.uscc, normaliseUscc, 'badUscc'),
    mobiles: each('mobiles', form.mobiles, normaliseMobile, 'badMobile'),
    phones: splitList(form.phones),
    emails: each('emails', form.emails, normaliseEmailOrNull, 'badEmail'),
    class: opt(form.class),
    segment: opt(form.segment),
    businessType: opt(form.businessType),
    marketType: opt(form.marketType),
    address: opt(form.address),
    owner: opt(form.owner),
    birthday,
    importantDates: importantDates.map(({ label, date }) => ({ label, date })),
    custom,
    note: opt(form.note),
  };
  return Object.keys(errors).length ? { errors } : { customer };
}

export interface ContactForm {
  name: string;
  role: Contact['role'];
  attitude: '' | NonNullable<Contact['attitude']>;
  title: string;
  mobiles: string;
  phones: string;
  emails: string;
  note: string;
}
export type ContactFormField = keyof ContactForm;

export function formFromContact(c?: Partial<Contact>): ContactForm {
  return {
    name: c?.name ?? '',
    role: c?.role ?? 'other',
    attitude: c?.attitude ?? '',
    title: c?.title ?? '',
    mobiles: joinList(c?.mobiles),
    phones: joinList(c?.phones),
    emails: joinList(c?.emails),
    note: c?.note ?? '',
  };
}

export function contactFromForm(
  form: ContactForm,
  base: Pick<Contact, 'id' | 'customerId' | 'createdAt'>,
): { contact: Contact; errors?: undefined } | { contact?: undefined; errors: Partial<Record<ContactFormField, FieldError>> } {
  const errors: Partial<Record<ContactFormField, FieldError>> = {};
  const name = form.name.trim();
  if (!name) errors.name = { code: 'required' };
  const mobiles = readList(form.mobiles, normaliseMobile, 'badMobile');
  if (mobiles.error) errors.mobiles = mobiles.error;
  const emails = readList(form.emails, normaliseEmailOrNull, 'badEmail');
  if (emails.error) errors.emails = emails.error;
  if (Object.keys(errors).length) return { errors };
  return {
    contact: {
      ...base,
      name,
      role: form.role,
      attitude: form.attitude || undefined,
      title: opt(form.title),
      mobiles: mobiles.values,
      phones: splitList(form.phones),
      emails: emails.values,
      note: opt(form.note),
      updatedAt: Date.now(),
    },
  };
}
