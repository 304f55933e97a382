import { translator, type Locale } from '../../i18n';
import type { importMessages } from '../../i18n/import';
import { ImportError } from './errors';
import { type FieldId, fieldsFor, type ImportKind } from './fields';
import type { ConflictReason } from './dedupe';
import type { RowError, RowWarning } from './rows';

export type ImportMessageKey = keyof typeof importMessages;

/** An import message in `locale` (lib/i18n/import.ts, registered in lib/i18n like every message file). */
export function importText(locale: Locale, key: ImportMessageKey, params?: Record<string, string | number>): string {
  return translator(locale)(key, params);
}

const LABELS = new Map([...fieldsFor('customers'), ...fieldsFor('orders')].map((f) => [f.id, f.labelKey]));

export const fieldLabel = (field: FieldId, locale: Locale): string => importText(locale, LABELS.get(field) ?? 'import.field.custom');

/** Field choices for a column-mapping `<select>`: value (null = ignore) and label. */
export function fieldOptions(kind: ImportKind, locale: Locale): { value: FieldId | null; label: string }[] {
  return [
    { value: null, label: importText(locale, 'import.field.ignore') },
    ...fieldsFor(kind).map((f) => ({ value: f.id, label: importText(locale, f.labelKey) })),
  ];
}

const BINARY_DETAILS = new Set(['xlsx', 'zip', 'pdf', 'ole', 'image']);

/** The message for a file-level failure, in the manager's language. */
export function describeImportError(e: ImportError, locale: Locale): string {
  switch (e.code) {
    case 'binary':
      return importText(locale, e.detail && BINARY_DETAILS.has(e.detail) ? (`import.error.binary.${e.detail}` as ImportMessageKey) : 'import.error.binary');
    case 'badXlsx':
      return importText(locale, e.detail === 'xls' ? 'import.error.badXlsx.xls' : e.detail === 'notZip' ? 'import.error.badXlsx.notZip' : 'import.error.badXlsx');
    case 'unsupported':
      if (!e.detail) return importText(locale, 'import.error.unsupported.none');
      if (e.detail === 'xls') return importText(locale, 'import.error.unsupported.xls');
      return importText(locale, 'import.error.unsupported', { ext: e.detail });
    case 'tooLarge':
      return importText(locale, 'import.error.tooLarge', { limit: e.params?.limit ?? 50 });
    case 'missingColumns': {
      const fields = (e.detail ?? '').split(',').filter(Boolean);
      const sep = importText(locale, 'import.report.separator');
      const names = fields.map((f) =>
        f === 'name' && e.params?.kind === 'orders'
          ? importText(locale, 'import.error.missingColumns.customerKey')
          : f === 'amount' && e.params?.kind === 'orders'
            ? importText(locale, 'import.error.missingColumns.amountOrPrice')
            : fieldLabel(f as FieldId, locale),
      );
      return importText(locale, 'import.error.missingColumns', { fields: names.join(sep) });
    }
    default:
      return importText(locale, `import.error.${e.code}` as ImportMessageKey);
  }
}

/** "许可证号“1234”不是 12 位数字" for a row error or warning. */
export function describeRowIssue(issue: RowError | RowWarning, locale: Locale): string {
  const params = { field: fieldLabel(issue.field, locale), value: issue.value, max: 'max' in issue ? (issue.max ?? '') : '' };
  const key = (issue.code === 'notMobile' || issue.code === 'negativeQuantity' ? `import.rowWarning.${issue.code}` : `import.rowError.${issue.code}`) as ImportMessageKey;
  return importText(locale, key, params);
}

/** Why a row needs the manager's decision; `names` lists the candidate customers. */
export function describeConflict(
  c: { reason: ConflictReason; candidates: { name: string }[]; otherRow?: number; draft?: { name: string } },
  locale: Locale,
): string {
  const names = c.candidates.map((x) => x.name).join(locale === 'zh-CN' ? '、' : ', ');
  return importText(locale, `import.conflict.${c.reason}`, { names, row: c.otherRow ?? '', name: c.draft?.name ?? '' });
}
