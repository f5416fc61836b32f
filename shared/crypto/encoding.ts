import { z } from 'zod';
import { CryptoError } from './errors.js';

// Pure TypeScript on purpose: encoding must work synchronously, before sodium is ready, and the
// same way in the browser and in Node (no Buffer).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as base64url without padding (RFC 4648 §5): 4 characters per 3 bytes. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? DECODE[code]! : -1;
  if (value < 0) throw new CryptoError('crypto.bad-encoding', `invalid base64url character at ${index}`);
  return value;
}

/**
 * Decodes unpadded base64url. Strict: rejects padding, whitespace, the standard alphabet's
 * `+`/`/`, impossible lengths and non-zero trailing bits, so every byte string has exactly one
 * accepted encoding (ids and signatures cannot be aliased).
 * @throws CryptoError 'crypto.bad-encoding'
 */
export function fromBase64Url(text: string): Uint8Array {
  const rest = text.length % 4;
  if (rest === 1) throw new CryptoError('crypto.bad-encoding', 'invalid base64url length');
  const out = new Uint8Array(Math.floor(text.length / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n = (sextet(text, i) << 18) | (sextet(text, i + 1) << 12) | (sextet(text, i + 2) << 6) | sextet(text, i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (rest === 2) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    if ((b & 15) !== 0) throw new CryptoError('crypto.bad-encoding', 'non-canonical base64url');
    out[o] = (a << 2) | (b >> 4);
  } else if (rest === 3) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    if ((c & 3) !== 0) throw new CryptoError('crypto.bad-encoding', 'non-canonical base64url');
    out[o++] = (a << 2) | (b >> 4);
    out[o] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;

/**
 * True if `text` is canonical unpadded base64url (optionally of exactly `byteLength` bytes).
 * Checks alphabet, length and trailing bits without decoding, so validating a large body is cheap.
 */
export function isBase64Url(text: string, byteLength?: number): boolean {
  const rest = text.length % 4;
  if (rest === 1 || !BASE64URL_TEXT.test(text)) return false;
  if (byteLength !== undefined && Math.floor(text.length / 4) * 3 + (rest === 0 ? 0 : rest - 1) !== byteLength)
    return false;
  if (rest === 0) return true;
  const last = DECODE[text.charCodeAt(text.length - 1)]!;
  return (last & (rest === 2 ? 15 : 3)) === 0;
}

/** Number of base64url characters (no padding) that encode `byteLength` bytes. */
export function base64UrlLength(byteLength: number): number {
  return Math.ceil((byteLength * 4) / 3);
}

/** zod schema: canonical base64url of exactly `byteLength` bytes. */
export function base64UrlBytes(byteLength: number) {
  const chars = base64UrlLength(byteLength);
  return z
    .string()
    .length(chars, `expected ${byteLength} bytes as ${chars} base64url characters`)
    .refine((text) => isBase64Url(text, byteLength), 'invalid base64url');
}

/** zod schema: canonical base64url of at most `maxChars` characters. */
export function base64UrlMax(maxChars: number) {
  return z
    .string()
    .max(maxChars)
    .refine((text) => isBase64Url(text), 'invalid base64url');
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Decodes UTF-8 strictly (a BOM is kept as U+FEFF, not stripped).
 * @throws CryptoError 'crypto.malformed' on invalid UTF-8
 */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CryptoError('crypto.malformed', 'invalid UTF-8');
  }
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Each part prefixed with its length (4 bytes, big-endian), so a sequence of variable-length
 * fields has exactly one parse: hashing `a ‖ b` must not equal hashing `a' ‖ b'` by a shifted cut.
 */
export function lengthPrefixed(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + 4 + part.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const part of parts) {
    view.setUint32(offset, part.length, false);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  return out;
}

/**
 * Domain-separation tag: UTF-8 of `name` followed by a NUL byte. NUL never occurs inside a
 * name, so no tag is a prefix of another and signed or hashed messages of different purposes
 * cannot collide.
 */
export function domainTag(name: string): Uint8Array {
  return concatBytes(utf8Encode(name), new Uint8Array([0]));
}
