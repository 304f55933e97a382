/**
 * CSV writer for customer exports (RFC 4180): fields separated by commas, records by CRLF, a field is
 * quoted when it holds a comma, a double quote, CR or LF, and quotes inside are doubled. The text starts
 * with a UTF-8 byte order mark so that Excel opens it as UTF-8 and shows Chinese correctly.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet opening the file evaluates a cell that starts
 * with `=`, `+`, `-` or `@` (and, in some programs, one that starts with a tab or carriage return
 * followed by one of those). A customer name or note typed by anyone could then run a formula on the
 * manager's machine. `neutraliseCell` prefixes such a cell with a single quote, which spreadsheets show
 * as text. Decisions:
 * - Only strings are neutralised. Values typed as `number` (amounts, quantities; a return is -12.5) are
 *   written as plain numbers so they stay numeric; a number cannot carry a formula.
 * - A string that merely looks like a number is still neutralised (`"-1"` → `'-1`): the writer cannot
 *   tell a note "-1 箱" from a number, and the column definitions give real numbers as numbers.
 * - Leading whitespace does not hide a trigger: `"  =1+1"` and `"\n@x"` are neutralised as well.
 * - Full-width ＝＋－＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) are neutralised too. Excel does not evaluate
 *   them when it opens a CSV, but WPS (widely used in China) and IME-converting builds were not verified,
 *   and the cost is one visible quote on a rare cell.
 * - A string that already starts with `'` gets another one, so `unneutraliseCell` is an exact inverse
 *   and a re-import gets back exactly what was exported (`'abc` → `''abc` → `'abc`).
 *
 * Long digit strings (12-digit licence numbers, 11-digit mobiles, customer codes with leading zeros) are
 * text in the model, but Excel turns them into numbers when it opens a CSV (4.40305E+11, lost zeros).
 * CSV is for re-import and other tools; for opening in Excel, export XLSX, which keeps them as text.
 */

export type CsvCell = string | number | undefined | null;

const BOM = '\uFEFF';
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const ALWAYS_QUOTE_START = /^[\t\r']/;

/** True when a spreadsheet could read this text as a formula (or it starts with our own quote). */
function needsNeutralising(value: string): boolean {
  return ALWAYS_QUOTE_START.test(value) || FORMULA_START.test(value);
}

/** `=SUM(A1)` → `'=SUM(A1)`; text that cannot start a formula is returned unchanged. */
export function neutraliseCell(value: string): string {
  return needsNeutralising(value) ? `'${value}` : value;
}

/** The exact inverse of `neutraliseCell`, for the import side: `'=SUM(A1)` → `=SUM(A1)`, `'abc` stays. */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && needsNeutralising(value.slice(1)) ? value.slice(1) : value;
}

const NEEDS_QUOTES = /[",\r\n]/;

function field(value: CsvCell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header line, one line per row, CRLF after every line (including the last). */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
