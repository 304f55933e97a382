import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { unneutraliseCell } from '../export/csv';
import { decodeText } from './decode';
import { ImportError, MAX_IMPORT_BYTES } from './errors';

export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were decoded (decode.ts). */
  encoding?: string;
  /** One per column; '' for a column without a header. */
  headers: string[];
  /** Data rows, each exactly `headers.length` trimmed strings; fully empty rows are left out. */
  rows: string[][];
  /** Spreadsheet row number of rows[0] (2 when the header is on row 1). */
  firstRowNumber: number;
  /**
   * Spreadsheet row number of each row. Differs from firstRowNumber + index after a skipped empty
   * row, and is what Excel shows (a quoted multi-line cell is one row), so reports point at the right line.
   */
  rowNumbers: number[];
}

export interface ReadTableOptions {
  /** Defaults to MAX_IMPORT_BYTES; a parameter so tests need not allocate 50 MB. */
  maxBytes?: number;
}

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm']);

export const fileExtension = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).trim().toLowerCase();
};

/** Reads the first sheet of an XLSX or a delimited text file into header + rows. Throws ImportError. */
export async function readTable(input: { name: string; bytes: ArrayBuffer }, options: ReadTableOptions = {}): Promise<Table> {
  const ext = fileExtension(input.name);
  const isText = TEXT_EXTENSIONS.has(ext);
  if (!isText && !XLSX_EXTENSIONS.has(ext)) throw new ImportError('unsupported', ext || undefined);

  const limit = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (input.bytes.byteLength > limit) {
    throw new ImportError('tooLarge', undefined, { limit: Math.round((limit / (1024 * 1024)) * 10) / 10 });
  }
  if (input.bytes.byteLength === 0) throw new ImportError('empty');

  if (isText) {
    const { text, encoding } = decodeText(new Uint8Array(input.bytes));
    return { format: 'csv', encoding, ...toTable(parseDelimited(text)) };
  }
  return { format: 'xlsx', ...toTable(await readXlsx(input.bytes)) };
}

// ---------------------------------------------------------------- CSV

/** `="00123"` is how some systems stop Excel from dropping leading zeros; the value is the inside. */
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;

function parseDelimited(text: string): string[][] {
  // A stray NUL in a cell survives some system exports and would only confuse matching later.
  if (text.includes('\0')) text = text.replaceAll('\0', '');
  const result = Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    // Empty lines are kept here and dropped in toTable, so row numbers still count them like Excel does.
    skipEmptyLines: false,
  });
  // Papa reports quoting problems (e.g. a stray quote) but still returns its best reading of every row,
  // which is what Excel shows too; the rows are validated cell by cell later, so they are not rejected here.
  const rows = result.data;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      // Our own CSV export writes '=… for text that Excel would run as a formula; read it back as written.
      let cell = unneutraliseCell(row[i]).trim();
      if (cell.length > 3 && cell.charCodeAt(0) === 61 /* = */) {
        const m = EXCEL_TEXT_FORMULA.exec(cell);
        if (m) cell = m[1].trim();
      }
      row[i] = cell;
    }
  }
  return rows;
}

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * Comma, tab or semicolon: the one that splits the first lines into the same number (> 1) of fields
 * most consistently. Papa's own guess can pick the comma in a tab-separated file whose addresses
 * contain commas; a header rarely contains the other delimiters, so consistency with it decides.
 */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 30, skipEmptyLines: 'greedy' }).data;
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    const same = rows.filter((r) => r.length === width).length / rows.length;
    const score = same + Math.min(width, 100) / 1000; // consistency first, then more columns
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------- XLSX

async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) throw new ImportError('badXlsx', 'xls');
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new ImportError('badXlsx', 'notZip');
  let sheet: unknown[][];
  try {
    // Keep number cells as stored: Number() then String() would print 0.30000000000000004 or 1e+21,
    // formatXlsxNumber prints what Excel shows.
    sheet = (await readSheet(bytes, { parseNumber: (s: string) => new StoredNumber(s) })) as unknown[][];
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ImportError('badXlsx', code === 'XLS_FILE_NOT_SUPPORTED' ? 'xls' : 'corrupt', undefined, e);
  }
  const rows: string[][] = new Array(sheet.length);
  for (let r = 0; r < sheet.length; r++) {
    const src = sheet[r];
    const row: string[] = new Array(src.length);
    for (let c = 0; c < src.length; c++) row[c] = xlsxCellToString(src[c]);
    rows[r] = row;
  }
  return rows;
}

/** A number cell's text as stored in the sheet XML, kept apart from text cells that look numeric. */
class StoredNumber {
  constructor(readonly raw: string) {}
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/**
 * read-excel-file turns date cells into Date objects at UTC midnight of the calendar day shown in
 * Excel (it has no time zone to go by), so the UTC parts are the day the manager sees.
 */
export function formatXlsxDate(d: Date): string {
  // Serial-number arithmetic can land a millisecond before the minute; round to the second first.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const h = t.getUTCHours();
  const m = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  const time = h || m || s ? `${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}` : '';
  // A time-only cell is a date in Excel's year 0 (1899-12-30/31); only its time means anything.
  if (t.getUTCFullYear() < 1900) return time || '00:00';
  const date = `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  return time ? `${date} ${time}` : date;
}

/**
 * A number cell's stored text without exponent or float noise: integers exactly as stored
 * ("440300123456", "13800000000"), others at Excel's 15 significant digits ("0.30000000000000004" → "0.3",
 * "1.38E+10" → "13800000000").
 */
export function formatXlsxNumber(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const r = Number(n.toPrecision(15));
  if (Number.isInteger(r)) return BigInt(r).toString();
  const s = String(r);
  if (!s.includes('e')) return s;
  // Tiny fractions: fixed notation with the 15 significant digits at most, trailing zeros dropped.
  const digits = Math.min(100, 15 - Math.floor(Math.log10(Math.abs(r))));
  return r.toFixed(digits).replace(/\.?0+$/, '');
}

function xlsxCellToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof StoredNumber) return formatXlsxNumber(v.raw);
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return formatXlsxDate(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatXlsxNumber(String(v));
  return String(v).trim();
}


// ---------------------------------------------------------------- shared

const isEmptyRow = (row: readonly string[]): boolean => {
  for (let i = 0; i < row.length; i++) if (row[i] !== '') return false;
  return true;
};

/** Header = first non-empty row; drops empty rows and trailing empty columns; pads rows to one width. */
function toTable(all: string[][]): Omit<Table, 'format' | 'encoding'> {
  let h = 0;
  while (h < all.length && isEmptyRow(all[h])) h++;
  if (h === all.length) throw new ImportError('empty');

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let width = lastNonEmpty(all[h]) + 1;
  for (let r = h + 1; r < all.length; r++) {
    const row = all[r];
    if (isEmptyRow(row)) continue;
    rows.push(row);
    rowNumbers.push(r + 1);
    const w = lastNonEmpty(row) + 1;
    if (w > width) width = w;
  }
  if (rows.length === 0) throw new ImportError('headerOnly');

  const headers = fit(all[h], width);
  for (let i = 0; i < rows.length; i++) if (rows[i].length !== width) rows[i] = fit(rows[i], width);
  return { headers, rows, firstRowNumber: rowNumbers[0], rowNumbers };
}

function lastNonEmpty(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i;
  return -1;
}

function fit(row: string[], width: number): string[] {
  if (row.length > width) return row.slice(0, width);
  const out = row.slice();
  while (out.length < width) out.push('');
  return out;
}

/** Spreadsheet column letter for messages and a mapping UI: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
