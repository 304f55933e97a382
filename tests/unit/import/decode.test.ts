import { describe, expect, it } from 'vitest';
import { decodeText, sniffBinary } from '../../../lib/io/import/decode';
import { ImportError } from '../../../lib/io/import/errors';
import { encodeGbk, utf8 } from './helpers';

const bytes = (...b: number[]) => new Uint8Array(b);
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
};

const HEADER = '客户名称,手机\n张三便利店,13800138000\n';

describe('decodeText', () => {
  it('the GBK fixture encoder produces the known GBK bytes (张 = D5 C5, 客户 = BF CD BB A7)', () => {
    expect([...encodeGbk('张客户')]).toEqual([0xd5, 0xc5, 0xbf, 0xcd, 0xbb, 0xa7]);
  });

  it.each([
    ['UTF-8', utf8(HEADER), 'utf-8'],
    ['UTF-8 with BOM', cat(bytes(0xef, 0xbb, 0xbf), utf8(HEADER)), 'utf-8-bom'],
    ['UTF-16LE with BOM', cat(bytes(0xff, 0xfe), utf16(HEADER, true)), 'utf-16le'],
    ['UTF-16BE with BOM', cat(bytes(0xfe, 0xff), utf16(HEADER, false)), 'utf-16be'],
    ['UTF-16LE without BOM (mostly ASCII)', utf16('name,mobile\nZhang San,13800138000\n张三,13900139000\n', true), 'utf-16le'],
    ['GBK', encodeGbk(HEADER), 'gb18030'],
    ['GBK, hand-written bytes 张三', cat(bytes(0xd5, 0xc5, 0xc8, 0xfd), utf8(',1\n')), 'gb18030'],
  ] as const)('%s', (_, input, encoding) => {
    const r = decodeText(input);
    expect(r.encoding).toBe(encoding);
    expect(r.text.startsWith('\uFEFF')).toBe(false);
    if (_ === 'GBK, hand-written bytes 张三') expect(r.text).toBe('张三,1\n');
    else if (_.startsWith('UTF-16LE without')) expect(r.text).toContain('张三');
    else expect(r.text).toBe(HEADER);
  });

  it('GB18030 characters outside GBK (4-byte sequences) decode too', () => {
    // 81 30 81 30 is GB18030's four-byte form of U+0080; a GBK-only decoder would fail on it.
    expect(decodeText(bytes(0xd5, 0xc5, 0x81, 0x30, 0x81, 0x30)).text).toBe('张\u0080');
  });

  it('ASCII-only text is UTF-8', () => {
    expect(decodeText(utf8('a,b\n1,2')).encoding).toBe('utf-8');
  });

  it.each([
    ['zip (docx-like)', cat(bytes(0x50, 0x4b, 0x03, 0x04), utf8('\x14\x00\x06\x00word/document.xml')), 'zip'],
    ['xlsx', cat(bytes(0x50, 0x4b, 0x03, 0x04), utf8('\x14\x00\x06\x00[Content_Types].xml')), 'xlsx'],
    ['pdf', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['legacy xls (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0), 'ole'],
    ['gzip', bytes(0x1f, 0x8b, 0x08, 0, 0, 0), 'gzip'],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image'],
    ['NUL-filled data', new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 7))), 'control'],
    ['random control bytes', new Uint8Array(1000).map((_, i) => (i * 7) % 32), 'control'],
  ])('binary: %s → ImportError binary/%s', (_, input, detail) => {
    let err: unknown;
    try {
      decodeText(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('binary');
    expect((err as ImportError).detail).toBe(detail);
  });

  it('a single stray NUL in a real text file is tolerated', () => {
    const text = 'name,mobile\n' + 'Zhang,13800138000\n'.repeat(50) + 'Li\0,13900139000\n';
    expect(decodeText(utf8(text)).encoding).toBe('utf-8');
  });

  it('sniffBinary leaves text alone', () => {
    expect(sniffBinary(utf8('PK is a fine header,x\n'))).toBeNull();
    expect(sniffBinary(encodeGbk(HEADER))).toBeNull();
  });
});
