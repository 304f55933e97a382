import { toHalfWidth } from '../../match/identifiers';

/** Cell values that systems and people write for "nothing"; treated as an empty cell. */
const PLACEHOLDERS = new Set(['-', '--', '---', '—', '——', '/', '\\', '无', '暂无', '空', 'null', 'none', 'n/a', 'na', '#n/a', 'undefined']);
export const isPlaceholder = (s: string): boolean => s.length <= 9 && PLACEHOLDERS.has(s.toLowerCase());

/** Separators between several values in one cell (mobiles, emails, aliases). */
const LIST_SEPARATORS = /[、,，;；/／|｜\n\r]+/;
export const splitList = (s: string): string[] => {
  if (!LIST_SEPARATORS.test(s)) {
    // One value, the usual case: no split/map/filter arrays.
    const t = s.trim();
    return t && !isPlaceholder(t) ? [t] : [];
  }
  return s
    .split(LIST_SEPARATORS)
    .map((x) => x.trim())
    .filter((x) => x !== '' && !isPlaceholder(x));
};

/** "4.40301E+11": Excel showed the number in scientific notation and the CSV kept only that; the digits are lost. */
export const isScientific = (s: string): boolean => /^\d+(\.\d+)?e\+\d+$/i.test(toHalfWidth(s).trim());

// ---------------------------------------------------------------- dates

export interface ParsedDate {
  /** `YYYY-MM-DD`, or `--MM-DD` when the cell has no year (only with allowNoYear). */
  date: string;
  year?: number;
  month: number;
  day: number;
  /** Present when the cell has a time of day. */
  time?: { h: number; m: number; s: number };
}

const daysInMonth = (y: number | undefined, m: number): number =>
  m === 2 ? (y === undefined || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function build(y: number | undefined, mo: number, d: number, h?: string, mi?: string, s?: string): ParsedDate | null {
  if (y !== undefined && (y < 1900 || y > 2199)) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const out: ParsedDate = { date: y === undefined ? `--${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}-${pad(d)}`, month: mo, day: d };
  if (y !== undefined) out.year = y;
  if (h !== undefined) {
    const time = { h: Number(h), m: Number(mi ?? 0), s: Number(s ?? 0) };
    if (time.h > 23 || time.m > 59 || time.s > 59) return null;
    out.time = time;
  }
  return out;
}

const TIME = String.raw`(?:[T\s]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?秒?)?分?)?`;
const YMD = new RegExp(String.raw`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})${TIME}$`);
const YMD_CJK = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T\s]?(\d{2})(\d{2})(\d{2})?)?$/;
const MD_CJK = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const MD = /^(?:--)?(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The date formats Chinese systems and hand-kept sheets use: 2024-05-01, 2024/5/1, 2024.5.1, 20240501,
 * 2024年5月1日, optionally with a time; with allowNoYear also 5月1日, 05-01, 5/1 (month first, as in
 * Chinese usage). Two-digit years and day-first orders are refused rather than guessed.
 */
export function parseDateCell(raw: string, { allowNoYear = false } = {}): ParsedDate | null {
  const s = toHalfWidth(raw).trim();
  let m = YMD.exec(s) ?? YMD_CJK.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
  if ((m = COMPACT.exec(s))) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
  if (ISO_ZONED.test(s)) {
    // A zoned timestamp (from an API export): convert to the local calendar day and time.
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) return null;
    return build(d.getFullYear(), d.getMonth() + 1, d.getDate(), String(d.getHours()), String(d.getMinutes()), String(d.getSeconds()));
  }
  if (!allowNoYear) return null;
  if ((m = MD_CJK.exec(s) ?? MD.exec(s))) return build(undefined, Number(m[1]), Number(m[2]));
  return null;
}

/** Epoch ms of a parsed date with a year: local midnight, or the local time when the cell has one. */
export const toEpochMs = (d: ParsedDate): number =>
  new Date(d.year ?? 1970, d.month - 1, d.day, d.time?.h ?? 0, d.time?.m ?? 0, d.time?.s ?? 0).getTime();

// ---------------------------------------------------------------- numbers

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Amounts and quantities as people type them: "1,234.50", "￥1234", "¥1,234", "1234元", "RMB 12",
 * full-width digits, "-12" or "(12)" for returns. Commas must be thousands separators, so "12,5"
 * (a decimal comma) is refused rather than read as 125.
 */
export function parseNumberCell(raw: string): number | null {
  let s = toHalfWidth(raw).replace(/\s+/g, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^([+-]?)(?:[¥￥$]|RMB|CNY)/i, '$1').replace(/(?:元|圆|RMB|CNY)$/i, '');
  if (!s || !/\d/.test(s) || !NUMBER.test(s)) return null;
  const n = Number(s.replaceAll(',', ''));
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** A quantity that may carry its unit: "10条", "2.5 kg". */
export function parseQuantityCell(raw: string): { value: number; unit?: string } | null {
  const n = parseNumberCell(raw);
  if (n !== null) return { value: n };
  const m = /^([+-]?[\d.,]+)\s*([^\d\s.,+-]{1,6})$/.exec(toHalfWidth(raw).trim());
  if (!m) return null;
  const value = parseNumberCell(m[1]);
  return value === null ? null : { value, unit: m[2] };
}
