import { isValidUscc } from './uscc';

export type IdentifierKind = 'licence' | 'customerCode' | 'uscc' | 'mobile' | 'email';

export interface DetectedIdentifier {
  kind: IdentifierKind;
  /** Normalised value, used for index keys. */
  value: string;
  /** Text as it appears on the page. */
  raw: string;
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/**
 * Full-width ASCII (U+FF01-FF5E: digits, letters, @ . - ( ) : …) and the ideographic
 * space to ASCII. One UTF-16 unit in, one out, so offsets into the result are valid
 * offsets into the input (detect.ts relies on this to slice `raw`).
 */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export function normaliseEmail(s: string): string {
  return toHalfWidth(s).trim().toLowerCase();
}

/** 11-digit mainland mobile (1[3-9]…), dropping +86/0086/86 and separators; null otherwise. */
export function normaliseMobile(s: string): string | null {
  const d = toHalfWidth(s)
    .replace(/[\s().-]/g, '')
    .replace(/^(?:\+|00)?86(?=\d{11}$)/, '');
  return /^1[3-9]\d{9}$/.test(d) ? d : null;
}

/** Tobacco retail licence number: exactly 12 digits (whitespace ignored); null otherwise. */
export function normaliseLicence(s: string): string | null {
  const d = toHalfWidth(s).replace(/\s/g, '');
  return /^\d{12}$/.test(d) ? d : null;
}

/** Upper-cased credit code without spaces, or null unless it passes the GB 32100 check. */
export function normaliseUscc(s: string): string | null {
  const c = toHalfWidth(s).replace(/\s/g, '').toUpperCase();
  return isValidUscc(c) ? c : null;
}

export const identKey = (kind: IdentifierKind, value: string): string => `${kind}:${value}`;
