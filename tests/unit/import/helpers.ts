import type { CustomerDraft } from '../../../lib/io/import/rows';
import writeExcelFile from 'write-excel-file/node';

/**
 * A GBK encoder for fixtures, built by decoding every GBK double-byte pair with the platform's
 * GB18030 decoder (Node has no GBK encoder). Known pairs are asserted in decode.test.ts (张 = D5 C5).
 */
let table: Map<string, [number, number]> | undefined;
export function encodeGbk(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      out.push(pair[0], pair[1]);
    }
  }
  return new Uint8Array(out);
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A standalone ArrayBuffer holding exactly these bytes. */
export const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

type Cell = string | number | boolean | Date | null | { value: Date | number | string; format?: string; type?: unknown };
export async function xlsx(rows: Cell[][]): Promise<ArrayBuffer> {
  const buf = await writeExcelFile(rows as never).toBuffer();
  return ab(new Uint8Array(buf));
}

/** A customer draft as validateCustomerRows makes it: empty lists unless given. */
export const draft = (d: Partial<CustomerDraft> & { name: string }): CustomerDraft => ({
  aliases: [],
  mobiles: [],
  phones: [],
  emails: [],
  importantDates: [],
  custom: {},
  ...d,
});
