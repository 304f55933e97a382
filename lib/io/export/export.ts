/**
 * Builds the three export tables (customers, contacts, interactions) in the manager's language. The
 * result feeds `toCsv` (one file per table) or `toXlsxBlob` (one workbook, a sheet per table).
 *
 * Order: customers by name (Chinese collation, i.e. pinyin), contacts and interactions grouped by their
 * customer in the same order, then contacts by name and interactions oldest first (a spreadsheet reads
 * top to bottom in time). Records of a customer that is not in `customers` are still exported, last,
 * with empty attribution columns, so nothing silently disappears.
 */
import type { Locale } from '../../i18n';
import type { Contact, Customer, Interaction } from '../../model';
import {
  contactColumns,
  customerColumns,
  customFieldColumn,
  exportContext,
  headerOf,
  interactionColumns,
  interactionRows,
  rowOf,
  type ExportCell,
  type ExportColumn,
  type LocalisedText,
} from './tables';

export interface ExportTable {
  /** Sheet name (and a good file-name part) in the chosen language. */
  name: string;
  header: string[];
  rows: ExportCell[][];
}

export interface ExportData {
  customers: readonly Customer[];
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
}

export interface ExportResult {
  customers: ExportTable;
  contacts: ExportTable;
  interactions: ExportTable;
}

export const SHEET_NAMES: Record<keyof ExportResult, LocalisedText> = {
  customers: { 'zh-CN': '客户', en: 'Customers' },
  contacts: { 'zh-CN': '联系人', en: 'Contacts' },
  interactions: { 'zh-CN': '往来记录', en: 'Interactions' },
};

export interface ExportOptions {
  /** Formats interaction times; defaults to local `YYYY-MM-DD HH:mm`. */
  formatTime?: (ms: number) => string;
}

export function buildExport(data: ExportData, locale: Locale, options: ExportOptions = {}): ExportResult {
  const collator = new Intl.Collator('zh-CN');
  const customers = [...data.customers].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const ctx = exportContext(locale, customers, options.formatTime);
  const rank = new Map(customers.map((c, i) => [c.id, i]));
  const rankOf = (customerId: string) => rank.get(customerId) ?? customers.length;

  // Custom fields in the order they first appear, so the columns follow how the manager added them.
  const customKeys = [...new Set(customers.flatMap((c) => Object.keys(c.custom)))];
  const allCustomerColumns: ExportColumn<Customer>[] = [...customerColumns, ...customKeys.map(customFieldColumn)];

  const contacts = [...data.contacts].sort(
    (a, b) => rankOf(a.customerId) - rankOf(b.customerId) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id),
  );
  const interactions = [...data.interactions].sort(
    (a, b) => rankOf(a.customerId) - rankOf(b.customerId) || a.at - b.at || a.id.localeCompare(b.id),
  );

  return {
    customers: {
      name: SHEET_NAMES.customers[locale],
      header: headerOf(allCustomerColumns, locale),
      rows: customers.map((c) => rowOf(allCustomerColumns, c, ctx)),
    },
    contacts: {
      name: SHEET_NAMES.contacts[locale],
      header: headerOf(contactColumns, locale),
      rows: contacts.map((c) => rowOf(contactColumns, c, ctx)),
    },
    interactions: {
      name: SHEET_NAMES.interactions[locale],
      header: headerOf(interactionColumns, locale),
      rows: interactionRows(interactions).map((r) => rowOf(interactionColumns, r, ctx)),
    },
  };
}
