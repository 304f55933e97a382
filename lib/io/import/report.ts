import type { Locale } from '../../i18n';
import type { OrderPlan, Plan, PlanRow } from './dedupe';
import type { OrderKey, RowError, RowWarning } from './rows';
import { describeConflict, describeRowIssue, fieldLabel, importText } from './text';

export type ReportOutcome = 'added' | 'updated' | 'skipped';

export interface ReportRow {
  rowNumber: number;
  outcome: ReportOutcome;
  /** The customer as the file names it (or the order's customer key). */
  name: string;
  /** Reasons and notes, already in the report's language. */
  details: string[];
}

const issues = (list: readonly (RowError | RowWarning)[], locale: Locale) => list.map((i) => describeRowIssue(i, locale));
const warnings = (list: readonly RowWarning[], locale: Locale) =>
  list.map((w) => importText(locale, 'import.report.warning', { value: describeRowIssue(w, locale) }));

/** What importing would do to a row if nobody intervenes, and why, in `locale`. */
function customerRow(row: PlanRow, locale: Locale): ReportRow {
  const d = row.decision;
  const name = d.kind === 'invalid' ? '' : d.draft.name;
  const base = { rowNumber: row.rowNumber, name };
  const notes = warnings(row.warnings, locale);
  switch (d.kind) {
    case 'new':
      return { ...base, outcome: 'added', details: notes };
    case 'update': {
      const fields = [...new Set(d.changes.map((c) => fieldLabel(c.field, locale)))].join(importText(locale, 'import.report.separator'));
      return { ...base, outcome: 'updated', details: [importText(locale, 'import.reason.updated', { fields }), ...notes] };
    }
    case 'unchanged':
      return { ...base, outcome: 'skipped', details: [importText(locale, 'import.reason.unchanged', { name: d.target.name }), ...notes] };
    case 'conflict':
      return { ...base, outcome: 'skipped', details: [describeConflict(d, locale), ...notes] };
    case 'duplicateInFile':
      return { ...base, outcome: 'skipped', details: [importText(locale, 'import.reason.duplicateInFile', { row: d.ofRow }), ...notes] };
    case 'invalid':
      return { ...base, outcome: 'skipped', details: [...issues(d.errors, locale), ...notes] };
  }
}

/**
 * Report rows for a customer import. `final` gives the outcome of rows that ended differently from
 * the plan's default (a conflict the manager resolved by adding or updating, a row they left out);
 * the original reason stays, marked as decided by the manager.
 */
export function customerReportRows(plan: Plan, locale: Locale, final?: ReadonlyMap<number, ReportOutcome>): ReportRow[] {
  return plan.rows.map((row) => {
    const r = customerRow(row, locale);
    const outcome = final?.get(row.rowNumber);
    if (!outcome || outcome === r.outcome) return r;
    if (outcome === 'skipped') return { ...r, outcome, details: [importText(locale, 'import.reason.userSkipped'), ...r.details] };
    const [first = '', ...rest] = r.details;
    return { ...r, outcome, details: [`${first}${importText(locale, 'import.reason.resolved')}`, ...rest] };
  });
}

const keyText = (k: OrderKey, locale: Locale): string =>
  k.kind === 'name' ? k.value : `${importText(locale, k.kind === 'licence' ? 'import.field.licenceNo' : k.kind === 'mobile' ? 'import.field.mobiles' : k.kind === 'email' ? 'import.field.emails' : k.kind === 'uscc' ? 'import.field.uscc' : 'import.field.customerCode')} ${k.value}`;

/** Report rows for an order import, in file order. */
export function orderReportRows(plan: OrderPlan, locale: Locale): ReportRow[] {
  const out: ReportRow[] = [];
  const notes = new Map(plan.warnings.map((w) => [w.rowNumber, warnings(w.warnings, locale)]));
  for (const o of plan.orders) {
    for (const rowNumber of o.rowNumbers) {
      out.push({
        rowNumber,
        outcome: 'added',
        name: '',
        details: [importText(locale, 'import.order.added', { lines: o.lines.length }), ...(notes.get(rowNumber) ?? [])],
      });
    }
  }
  for (const u of plan.unresolved) {
    const key = keyText(u.key, locale);
    out.push({ rowNumber: u.rowNumber, outcome: 'skipped', name: key, details: [importText(locale, `import.order.${u.reason}`, { key })] });
  }
  for (const i of plan.invalid) out.push({ rowNumber: i.rowNumber, outcome: 'skipped', name: '', details: issues(i.errors, locale) });
  return out.sort((a, b) => a.rowNumber - b.rowNumber);
}

/**
 * A cell as Excel reads it: quoted when needed, and text that Excel would run as a formula
 * (= + - @ at the start; names come from outside files) prefixed with an apostrophe.
 */
function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The downloadable report: UTF-8 with a BOM (so Excel on Chinese Windows does not read it as GBK),
 * CRLF line ends, columns row / outcome / customer / details in `locale`.
 */
export function buildReportCsv(rows: readonly ReportRow[], locale: Locale): string {
  const t = (k: Parameters<typeof importText>[1]) => importText(locale, k);
  const lines = [[t('import.report.row'), t('import.report.outcome'), t('import.report.name'), t('import.report.reason')].map(csvCell).join(',')];
  const sep = t('import.report.separator');
  for (const r of rows) {
    lines.push([r.rowNumber, t(`import.outcome.${r.outcome}`), r.name, r.details.join(sep)].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `account-lens-import-report-YYYYMMDD-HHmm.csv`, in local time like the backup file name. */
export function reportFileName(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `account-lens-import-report-${date}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}
