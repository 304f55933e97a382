/**
 * The encrypted handover file (交接, domain.md §9): a backup of the customers being handed over,
 * protected by a passphrase that the sender tells the recipient separately. Web Crypto only
 * (globalThis.crypto.subtle and CompressionStream; Chrome, Firefox, Node 20).
 *
 * ## Handover file format, version 1 (`*.alho`)
 *
 * ```text
 * offset  size  content
 * 0       4     magic, ASCII "ALHO" (41 4C 48 4F)
 * 4       1     format version, 1
 * 5       4     N = byte length of the header JSON, unsigned 32-bit big-endian (at most 65 536)
 * 9       N     header, UTF-8 JSON:
 *                 { "v": 1,                     same as the format version byte
 *                   "kdf": "PBKDF2-SHA-256",
 *                   "iterations": 600000,       100 000 … 10 000 000; raise the default, old files still open
 *                   "salt": "<base64, 16 bytes>",
 *                   "cipher": "AES-256-GCM",
 *                   "iv": "<base64, 12 bytes>",
 *                   "compression": "gzip",
 *                   "length": <byte length of the ciphertext, tag included>,
 *                   "createdAt": <epoch ms>,
 *                   "customerCount": <number of customers inside> }
 * 9+N     rest  ciphertext: AES-256-GCM (128-bit tag appended) of gzip(UTF-8 backup JSON)
 * ```
 *
 * - Key: PBKDF2-HMAC-SHA-256(passphrase normalised to NFKC, salt, iterations) → 256-bit AES-GCM key.
 *   NFKC makes a passphrase typed with the IME in full-width mode (１２３ＡＢＣ) the same as half-width.
 * - Additional authenticated data: bytes 0 … 9+N (magic, version, length and header JSON exactly as
 *   stored), so changing any header byte (iteration count, dates, counts) makes decryption fail.
 * - The plaintext is the same JSON document as a backup (README "Backup format"), gzip-compressed; after
 *   decryption it goes through the backup validation (`parseBackup`), so a payload that decrypts but is
 *   not a valid backup is refused.
 * - The header is authenticated but not secret: anyone holding the file sees when it was made and how
 *   many customers it holds, nothing else.
 * - Salt and IV are random per file; a passphrase is never stored.
 *
 * What a failure means (HandoverError.code): `notHandover` — does not start with the magic;
 * `newerVersion` — a format version (or backup version) this build does not know; `damaged` — the
 * structure is broken (truncated, extra bytes, header unreadable or out of range); `wrongPassphrase` —
 * AES-GCM authentication failed, which is what a wrong passphrase and an altered file both look like
 * (they cannot be told apart, so the message says both); `weakPassphrase` — refused when encrypting.
 */
import { z } from 'zod';
import { BACKUP_VERSION, Backup } from '../../model';
import { BackupError, parseBackup } from '../backup';

export type HandoverErrorCode = 'notHandover' | 'newerVersion' | 'damaged' | 'wrongPassphrase' | 'weakPassphrase';

/** A failure the dashboard shows in the user's language: message key `handover.error.<code>`. */
export class HandoverError extends Error {
  readonly messageKey: `handover.error.${HandoverErrorCode}`;
  constructor(
    readonly code: HandoverErrorCode,
    readonly detail = '',
    options?: { cause?: unknown },
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`, options);
    this.name = 'HandoverError';
    this.messageKey = `handover.error.${code}`;
  }
}

export const HANDOVER_MAGIC = 'ALHO';
export const HANDOVER_FORMAT_VERSION = 1;
/** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA-256 with 600,000 iterations. */
export const DEFAULT_ITERATIONS = 600_000;
/** Headers outside this range are treated as damaged (too weak to have come from us, or a denial of service). */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;
/**
 * Minimum passphrase length in characters (Unicode code points after NFKC, surrounding spaces ignored).
 * The file may travel by mail or USB stick and can be attacked offline, so length matters more than rules
 * about character classes; eight characters with 600,000 PBKDF2 iterations is the floor, and the hint
 * suggests a sentence. Chinese characters count one each (each carries far more entropy than a letter).
 */
export const MIN_PASSPHRASE_LENGTH = 8;
export const HANDOVER_EXTENSION = '.alho';
export const HANDOVER_MIME = 'application/octet-stream';

const PREFIX_LENGTH = 9;
const MAX_HEADER_LENGTH = 65_536;
const SALT_LENGTH = 16;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

export function checkPassphrase(passphrase: string): 'ok' | 'tooShort' {
  return [...passphrase.normalize('NFKC').trim()].length >= MIN_PASSPHRASE_LENGTH ? 'ok' : 'tooShort';
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const HandoverHeader = z.object({
  v: z.number().int(),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
  salt: base64,
  cipher: z.literal('AES-256-GCM'),
  iv: base64,
  compression: z.literal('gzip'),
  length: z.number().int().min(TAG_LENGTH),
  createdAt: z.number().int().nonnegative(),
  customerCount: z.number().int().nonnegative(),
});
export type HandoverHeader = z.infer<typeof HandoverHeader>;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

export interface EncryptOptions {
  /** PBKDF2 iterations, MIN_ITERATIONS … MAX_ITERATIONS; default DEFAULT_ITERATIONS. */
  iterations?: number;
  /** Time written into the header; default now. */
  now?: number;
}

export async function encryptHandover(backup: Backup, passphrase: string, opts: EncryptOptions = {}): Promise<Uint8Array> {
  if (checkPassphrase(passphrase) !== 'ok') throw new HandoverError('weakPassphrase', String(MIN_PASSPHRASE_LENGTH));
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_LENGTH));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_LENGTH));
  const compressed = await transform(new TextEncoder().encode(JSON.stringify(backup)), new CompressionStream('gzip'));
  const header: HandoverHeader = {
    v: HANDOVER_FORMAT_VERSION,
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: toBase64(salt),
    cipher: 'AES-256-GCM',
    iv: toBase64(iv),
    compression: 'gzip',
    length: compressed.length + TAG_LENGTH,
    createdAt: opts.now ?? Date.now(),
    customerCount: backup.customers.length,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(PREFIX_LENGTH + headerBytes.length);
  prefix.set(new TextEncoder().encode(HANDOVER_MAGIC), 0);
  prefix[4] = HANDOVER_FORMAT_VERSION;
  new DataView(prefix.buffer).setUint32(5, headerBytes.length, false);
  prefix.set(headerBytes, PREFIX_LENGTH);

  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const ciphertext = new Uint8Array(
    await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix, tagLength: 128 }, key, compressed),
  );
  const file = new Uint8Array(prefix.length + ciphertext.length);
  file.set(prefix, 0);
  file.set(ciphertext, prefix.length);
  return file;
}

interface ParsedFile {
  header: HandoverHeader;
  /** Magic, version, length and header JSON: the additional authenticated data. */
  prefix: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

function parseFile(input: Uint8Array | ArrayBuffer): ParsedFile {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const magic = new TextEncoder().encode(HANDOVER_MAGIC);
  // A file shorter than the magic that is a prefix of it is a handover cut short; anything else is not ours.
  const seen = Math.min(bytes.length, magic.length);
  if (seen === 0 || magic.subarray(0, seen).some((b, i) => bytes[i] !== b)) throw new HandoverError('notHandover');
  if (bytes.length < PREFIX_LENGTH) throw new HandoverError('damaged', 'truncated');
  const version = bytes[4];
  if (version === 0) throw new HandoverError('damaged', 'version 0');
  if (version > HANDOVER_FORMAT_VERSION) throw new HandoverError('newerVersion', String(version));
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, false);
  if (headerLength === 0 || headerLength > MAX_HEADER_LENGTH) throw new HandoverError('damaged', 'header length');
  if (bytes.length < PREFIX_LENGTH + headerLength) throw new HandoverError('damaged', 'truncated');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_LENGTH, PREFIX_LENGTH + headerLength)));
  } catch (cause) {
    throw new HandoverError('damaged', 'header is not JSON', { cause });
  }
  const parsed = HandoverHeader.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HandoverError('damaged', `header ${issue.path.join('.')}: ${issue.message}`);
  }
  const header = parsed.data;
  if (header.v !== version) throw new HandoverError('damaged', 'header version');
  if (fromBase64(header.salt).length !== SALT_LENGTH || fromBase64(header.iv).length !== IV_LENGTH) {
    throw new HandoverError('damaged', 'salt or iv');
  }
  const rest = bytes.length - PREFIX_LENGTH - headerLength;
  if (rest < header.length) throw new HandoverError('damaged', 'truncated');
  if (rest > header.length) throw new HandoverError('damaged', 'extra bytes after the ciphertext');
  // Copies: Web Crypto wants plain ArrayBuffer views, and the caller's buffer stays untouched.
  return {
    header,
    prefix: bytes.slice(0, PREFIX_LENGTH + headerLength),
    ciphertext: bytes.slice(PREFIX_LENGTH + headerLength),
  };
}

/** The readable part of a handover file (when it was made, how many customers), before asking for the passphrase. */
export function readHandoverHeader(bytes: Uint8Array | ArrayBuffer): HandoverHeader {
  return parseFile(bytes).header;
}

export async function decryptHandover(bytes: Uint8Array | ArrayBuffer, passphrase: string): Promise<Backup> {
  const { header, prefix, ciphertext } = parseFile(bytes);
  const key = await deriveKey(passphrase, fromBase64(header.salt), header.iterations, 'decrypt');
  let compressed: Uint8Array<ArrayBuffer>;
  try {
    compressed = new Uint8Array(
      await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: prefix, tagLength: 128 }, key, ciphertext),
    );
  } catch (cause) {
    throw new HandoverError('wrongPassphrase', 'wrong passphrase or the file was altered', { cause });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await transform(compressed, new DecompressionStream('gzip')));
  } catch (cause) {
    throw new HandoverError('damaged', 'content does not decompress', { cause });
  }
  let backup: Backup;
  try {
    backup = parseBackup(text);
  } catch (err) {
    if (err instanceof BackupError && err.code === 'newerVersion') {
      throw new HandoverError('newerVersion', `backup version ${err.detail} > ${BACKUP_VERSION}`, { cause: err });
    }
    const detail = err instanceof BackupError ? `${err.code}${err.detail ? `: ${err.detail}` : ''}` : String(err);
    throw new HandoverError('damaged', detail, { cause: err });
  }
  if (backup.customers.length !== header.customerCount) throw new HandoverError('damaged', 'customer count');
  return backup;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `account-lens-handover-YYYYMMDD-HHmm.alho`, in the manager's local time. */
export function handoverFileName(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `account-lens-handover-${date}-${pad(now.getHours())}${pad(now.getMinutes())}${HANDOVER_EXTENSION}`;
}
