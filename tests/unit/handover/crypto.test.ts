import { describe, expect, it } from 'vitest';
import {
  checkPassphrase,
  decryptHandover,
  DEFAULT_ITERATIONS,
  encryptHandover,
  HandoverError,
  handoverFileName,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  readHandoverHeader,
  type HandoverErrorCode,
} from '../../../lib/io/handover/crypto';
import { handoverMessages } from '../../../lib/i18n/handover';
import { threeCustomers } from './fixtures';

const PASS = '交接口令 correct horse';
/** The lowest count the reader accepts: fast enough for tests (~30 ms a derivation). */
const FAST = { iterations: MIN_ITERATIONS };
const subtle = globalThis.crypto.subtle;

async function expectCode(promise: Promise<unknown>, code: HandoverErrorCode) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected HandoverError ${code}`).toBeInstanceOf(HandoverError);
  expect((err as HandoverError).code).toBe(code);
  return err as HandoverError;
}

/** Offset of the ciphertext: 9 + header length. */
const headerEnd = (file: Uint8Array) => 9 + new DataView(file.buffer, file.byteOffset).getUint32(5, false);
const headerText = (file: Uint8Array) => new TextDecoder().decode(file.subarray(9, headerEnd(file)));

/** Rebuild a file with another header JSON (length field fixed up), keeping the ciphertext. */
function withHeader(file: Uint8Array, edit: (header: Record<string, unknown>) => void, versionByte = file[4]): Uint8Array {
  const header = JSON.parse(headerText(file));
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(9 + json.length + (file.length - headerEnd(file)));
  out.set(file.subarray(0, 4));
  out[4] = versionByte;
  new DataView(out.buffer).setUint32(5, json.length, false);
  out.set(json, 9);
  out.set(file.subarray(headerEnd(file)), 9 + json.length);
  return out;
}

/**
 * An independent writer that follows the format documented in crypto.ts, to seal any plaintext bytes.
 * Used to prove the documentation and to make files whose payload decrypts but is not a valid backup.
 */
async function sealRaw(plaintext: Uint8Array<ArrayBuffer>, passphrase: string, opts: { gzip?: boolean; customerCount?: number } = {}) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const body =
    opts.gzip === false ? plaintext : new Uint8Array(await new Response(new Blob([plaintext]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
  const header = new TextEncoder().encode(
    JSON.stringify({ v: 1, kdf: 'PBKDF2-SHA-256', iterations: MIN_ITERATIONS, salt: b64(salt), cipher: 'AES-256-GCM', iv: b64(iv), compression: 'gzip', length: body.length + 16, createdAt: 1, customerCount: opts.customerCount ?? 0 }),
  );
  const prefix = new Uint8Array(9 + header.length);
  prefix.set(new TextEncoder().encode('ALHO'));
  prefix[4] = 1;
  new DataView(prefix.buffer).setUint32(5, header.length, false);
  prefix.set(header, 9);
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: MIN_ITERATIONS }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, body));
  const file = new Uint8Array(prefix.length + ct.length);
  file.set(prefix);
  file.set(ct, prefix.length);
  return file;
}

describe('handover encryption', () => {
  const backup = threeCustomers();

  it('round-trips: the decrypted backup deep-equals the original', async () => {
    const file = await encryptHandover(backup, PASS, FAST);
    expect(await decryptHandover(file, PASS)).toEqual(backup);
    // …also from an ArrayBuffer and from a view into a larger buffer (as File.arrayBuffer / slices give).
    expect(await decryptHandover(file.slice().buffer, PASS)).toEqual(backup);
    const padded = new Uint8Array(file.length + 10);
    padded.set(file, 5);
    expect(await decryptHandover(padded.subarray(5, 5 + file.length), PASS)).toEqual(backup);
  });

  it('the file starts with ALHO and version 1; the plaintext is not visible and the header says what it holds', async () => {
    const file = await encryptHandover(backup, PASS, { ...FAST, now: 1_764_000_000_000 });
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('ALHO');
    expect(file[4]).toBe(1);
    const header = readHandoverHeader(file);
    expect(header).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA-256', cipher: 'AES-256-GCM', compression: 'gzip', iterations: MIN_ITERATIONS, createdAt: 1_764_000_000_000, customerCount: 3 });
    expect(header.length).toBe(file.length - headerEnd(file));
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file);
    for (const secret of ['张三', '440305123456', '13800138000', 'account-lens-backup']) expect(text).not.toContain(secret);
  });

  it('two encryptions of the same backup differ (random salt and iv)', async () => {
    const [a, b] = await Promise.all([encryptHandover(backup, PASS, FAST), encryptHandover(backup, PASS, FAST)]);
    expect(readHandoverHeader(a).salt).not.toBe(readHandoverHeader(b).salt);
    expect(readHandoverHeader(a).iv).not.toBe(readHandoverHeader(b).iv);
  });

  it('defaults to at least 600,000 PBKDF2 iterations (OWASP 2023) and stores the count', async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const file = await encryptHandover(backup, PASS);
    expect(readHandoverHeader(file).iterations).toBe(DEFAULT_ITERATIONS);
    expect(await decryptHandover(file, PASS)).toEqual(backup);
  });

  it('uses the iteration count stored in the header (key derived with it decrypts, with another does not)', async () => {
    const file = await encryptHandover(backup, PASS, { iterations: 123_457 });
    const header = readHandoverHeader(file);
    expect(header.iterations).toBe(123_457);
    const salt = Uint8Array.from(atob(header.salt), (c) => c.charCodeAt(0));
    const iv = Uint8Array.from(atob(header.iv), (c) => c.charCodeAt(0));
    const open = async (iterations: number) => {
      const material = await subtle.importKey('raw', new TextEncoder().encode(PASS.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
      const key = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
      return subtle.decrypt({ name: 'AES-GCM', iv, additionalData: file.slice(0, headerEnd(file)) }, key, file.slice(headerEnd(file)));
    };
    await expect(open(123_457)).resolves.toBeInstanceOf(ArrayBuffer);
    await expect(open(123_456)).rejects.toThrow();
    expect(await decryptHandover(file, PASS)).toEqual(backup);
  });

  it('an independent writer following the documented format is read back', async () => {
    const file = await sealRaw(new TextEncoder().encode(JSON.stringify(backup)), PASS, { customerCount: 3 });
    expect(await decryptHandover(file, PASS)).toEqual(backup);
  });

  it('wrong passphrase → wrongPassphrase, with a message that also says the file may have been altered', async () => {
    const file = await encryptHandover(backup, PASS, FAST);
    const err = await expectCode(decryptHandover(file, `${PASS}!`), 'wrongPassphrase');
    expect(err.message).toMatch(/wrong passphrase or the file was altered/);
    expect(err.messageKey).toBe('handover.error.wrongPassphrase');
    expect(handoverMessages[err.messageKey]['zh-CN']).toContain('口令错误，或文件已被改动');
    expect(handoverMessages[err.messageKey].en).toContain('Wrong passphrase, or the file was altered');
  });

  it('a passphrase typed in full-width mode opens a file made in half-width mode (NFKC)', async () => {
    const file = await encryptHandover(backup, 'abc12345', FAST);
    expect(await decryptHandover(file, 'ａｂｃ１２３４５')).toEqual(backup);
  });

  describe('tampering and damage', () => {
    let file: Uint8Array;
    const fresh = async () => (file ??= await encryptHandover(backup, PASS, { ...FAST, now: 1_764_000_000_000 }));

    it.each([
      ['the first ciphertext byte', (f: Uint8Array) => headerEnd(f)],
      ['a middle ciphertext byte', (f: Uint8Array) => Math.floor((headerEnd(f) + f.length) / 2)],
      ['the last byte (authentication tag)', (f: Uint8Array) => f.length - 1],
    ])('flipping %s → wrongPassphrase (authentication fails)', async (_, at) => {
      const f = (await fresh()).slice();
      f[at(f)] ^= 0x01;
      await expectCode(decryptHandover(f, PASS), 'wrongPassphrase');
    });

    it('changing a header value that still parses (createdAt, customerCount) fails: the header is authenticated', async () => {
      const f = await fresh();
      const text = headerText(f);
      expect(text).toContain('"createdAt":1764000000000');
      const forged = withHeader(f, (h) => void (h.createdAt = 1_764_000_000_001));
      await expectCode(decryptHandover(forged, PASS), 'wrongPassphrase');
      const moreCustomers = withHeader(f, (h) => void (h.customerCount = 4));
      await expectCode(decryptHandover(moreCustomers, PASS), 'wrongPassphrase');
      // Flip one byte in place inside the digits of createdAt (same length, still valid JSON).
      const inPlace = f.slice();
      const at = 9 + text.indexOf('1764000000000') + 12;
      inPlace[at] = '1'.charCodeAt(0);
      await expectCode(decryptHandover(inPlace, PASS), 'wrongPassphrase');
    });

    it('flipping a header byte that breaks its structure → damaged', async () => {
      const f = (await fresh()).slice();
      f[9] = 'x'.charCodeAt(0); // the opening brace of the JSON
      await expectCode(decryptHandover(f, PASS), 'damaged');
    });

    it.each([
      ['one byte short', (f: Uint8Array) => f.subarray(0, f.length - 1)],
      ['cut inside the ciphertext', (f: Uint8Array) => f.subarray(0, headerEnd(f) + 5)],
      ['cut at the end of the header', (f: Uint8Array) => f.subarray(0, headerEnd(f))],
      ['cut inside the header', (f: Uint8Array) => f.subarray(0, 20)],
      ['cut inside the length field', (f: Uint8Array) => f.subarray(0, 7)],
      ['only part of the magic', (f: Uint8Array) => f.subarray(0, 3)],
      ['an extra byte at the end', (f: Uint8Array) => Uint8Array.from([...f, 0])],
    ])('%s → damaged', async (_, cut) => {
      await expectCode(decryptHandover(cut(await fresh()), PASS), 'damaged');
    });

    it.each([
      ['an empty file', new Uint8Array()],
      ['a JSON backup', new TextEncoder().encode(JSON.stringify(threeCustomers()))],
      ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0])],
      ['lower-case magic', new TextEncoder().encode('alho\x01\x00\x00\x00\x02{}')],
    ])('%s → notHandover', async (_, bytes) => {
      await expectCode(decryptHandover(bytes, PASS), 'notHandover');
    });

    it('a newer format version → newerVersion (before anything else is read)', async () => {
      const f = (await fresh()).slice();
      f[4] = 2;
      await expectCode(decryptHandover(f, PASS), 'newerVersion');
      f[9] = 0; // even with a header this build could not read
      await expectCode(decryptHandover(f, PASS), 'newerVersion');
    });

    it('format version 0, or a header version that disagrees with the version byte → damaged', async () => {
      const f = await fresh();
      const zero = f.slice();
      zero[4] = 0;
      await expectCode(decryptHandover(zero, PASS), 'damaged');
      await expectCode(decryptHandover(withHeader(f, (h) => void (h.v = 2)), PASS), 'damaged');
    });

    it.each([
      ['iterations below 100,000', (h: Record<string, unknown>) => void (h.iterations = MIN_ITERATIONS - 1)],
      ['iterations above 10,000,000', (h: Record<string, unknown>) => void (h.iterations = MAX_ITERATIONS + 1)],
      ['fractional iterations', (h: Record<string, unknown>) => void (h.iterations = 100_000.5)],
      ['another kdf', (h: Record<string, unknown>) => void (h.kdf = 'scrypt')],
      ['another cipher', (h: Record<string, unknown>) => void (h.cipher = 'AES-128-CBC')],
      ['a short salt', (h: Record<string, unknown>) => void (h.salt = btoa('short'))],
      ['a long iv', (h: Record<string, unknown>) => void (h.iv = btoa('0123456789abcdef'))],
      ['no length', (h: Record<string, unknown>) => void delete h.length],
      ['a wrong length', (h: Record<string, unknown>) => void (h.length = (h.length as number) + 1)],
    ])('header with %s → damaged (refused before any key derivation)', async (_, edit) => {
      await expectCode(decryptHandover(withHeader(await fresh(), edit), PASS), 'damaged');
    });

    it('an absurd header length → damaged', async () => {
      const f = (await fresh()).slice();
      new DataView(f.buffer).setUint32(5, 0xffffffff, false);
      await expectCode(decryptHandover(f, PASS), 'damaged');
      new DataView(f.buffer).setUint32(5, 0, false);
      await expectCode(decryptHandover(f, PASS), 'damaged');
    });
  });

  describe('a payload that decrypts but is not a valid backup is refused', () => {
    it('invalid backup → damaged, naming the field', async () => {
      const bad = { format: 'account-lens-backup', version: 1, exportedAt: 1, customers: [{ id: 'x', name: '', createdAt: 1, updatedAt: 1 }] };
      const err = await expectCode(decryptHandover(await sealRaw(new TextEncoder().encode(JSON.stringify(bad)), PASS, { customerCount: 1 }), PASS), 'damaged');
      expect(err.detail).toMatch(/^invalid: customers\.0\.name/);
    });

    it('orphan references → damaged', async () => {
      const b = threeCustomers();
      const orphan = { ...b, customers: b.customers.slice(1) };
      await expectCode(decryptHandover(await sealRaw(new TextEncoder().encode(JSON.stringify(orphan)), PASS, { customerCount: 2 }), PASS), 'damaged');
    });

    it('a backup of a newer version → newerVersion', async () => {
      const newer = { ...threeCustomers(), version: 2 };
      await expectCode(decryptHandover(await sealRaw(new TextEncoder().encode(JSON.stringify(newer)), PASS), PASS), 'newerVersion');
    });

    it('not JSON, or not gzip → damaged', async () => {
      await expectCode(decryptHandover(await sealRaw(new TextEncoder().encode('not json'), PASS), PASS), 'damaged');
      await expectCode(decryptHandover(await sealRaw(new TextEncoder().encode(JSON.stringify(threeCustomers())), PASS, { gzip: false, customerCount: 3 }), PASS), 'damaged');
    });

    it('a customer count that disagrees with the content → damaged', async () => {
      await expectCode(decryptHandover(await sealRaw(new TextEncoder().encode(JSON.stringify(threeCustomers())), PASS, { customerCount: 2 }), PASS), 'damaged');
    });
  });

  describe('passphrase rule', () => {
    it.each([
      ['', 'tooShort'],
      ['1234567', 'tooShort'],
      ['12345678', 'ok'],
      ['        ', 'tooShort'],
      ['  abcdefg  ', 'tooShort'],
      ['客户经理交接', 'tooShort'],
      ['客户经理交接口令', 'ok'],
      ['😀😀😀😀😀😀😀', 'tooShort'],
    ] as const)('%j → %s', (p, expected) => {
      expect(checkPassphrase(p)).toBe(expected);
    });

    it('encrypting with a short passphrase is refused → weakPassphrase', async () => {
      const err = await expectCode(encryptHandover(threeCustomers(), '1234567', FAST), 'weakPassphrase');
      expect(handoverMessages[err.messageKey]['zh-CN']).toContain('{min}');
    });

    it('encrypting with an iteration count the reader would refuse is a programming error', async () => {
      await expect(encryptHandover(threeCustomers(), PASS, { iterations: 1_000 })).rejects.toThrow(RangeError);
      await expect(encryptHandover(threeCustomers(), PASS, { iterations: MAX_ITERATIONS + 1 })).rejects.toThrow(RangeError);
    });
  });

  it('file name', () => {
    expect(handoverFileName(new Date(2026, 0, 5, 9, 7))).toBe('account-lens-handover-20260105-0907.alho');
  });
});
