import { ImportError } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** How much of the file the binary and UTF-16 sniffing looks at: enough for any header plus many rows. */
const SAMPLE_BYTES = 64 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/**
 * Formats that people pick by mistake when asked for "the CSV". Recognising them lets the message say
 * what the file really is (e.g. "this is an Excel workbook") instead of importing garbage.
 */
export function sniffBinary(b: Uint8Array): string | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    // An xlsx is a zip whose first entries are [Content_Types].xml, _rels/ or xl/.
    const head = String.fromCharCode(...b.subarray(0, Math.min(b.length, 2048)));
    return /\[Content_Types\]\.xml|xl\/|docProps\//.test(head) ? 'xlsx' : 'zip';
  }
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'; // legacy .xls/.doc
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff])) return 'image';
  return null;
}

/**
 * UTF-16 without a BOM: plain-ASCII-heavy text has a NUL in every other byte. Only asked when the
 * sample has NULs, so ordinary files never pay for it and binary files are not mistaken for text.
 */
function sniffUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 2) return null;
  if (odd / pairs > 0.3 && even / pairs < 0.02) return 'utf-16le';
  if (even / pairs > 0.3 && odd / pairs < 0.02) return 'utf-16be';
  return null;
}

/** NULs or many control characters mean this is not a text table, whatever its name says. */
function looksBinary(sample: Uint8Array): boolean {
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === 0) nul++;
    // Tab, LF, CR and form feed occur in text; ESC too rarely to matter.
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  // A stray NUL in a cell (seen in some system exports) is tolerated and stripped by the caller.
  return nul > Math.max(2, sample.length * 0.001) || control > sample.length * 0.1;
}

/**
 * Bytes of a CSV/TSV/TXT file to text. Order: BOM, binary check, strict UTF-8, else GB18030.
 * GB18030 is a superset of GBK and GB2312, which is what Excel on Chinese Windows writes for "CSV";
 * strict UTF-8 decoding of a real GBK file fails within the first Chinese character, so the
 * fallback is reliable for anything longer than a few words.
 * Throws ImportError('binary').
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };

  const kind = sniffBinary(bytes);
  if (kind) throw new ImportError('binary', kind);

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) {
    const utf16 = sniffUtf16(sample);
    if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  }
  if (looksBinary(sample)) throw new ImportError('binary', 'control');

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
