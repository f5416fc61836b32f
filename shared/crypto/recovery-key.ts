import { getSodium } from './sodium.js';
import { concatBytes, domainTag } from './encoding.js';
import { CryptoError } from './errors.js';

/** Recovery key: 32 random bytes, shown once at enrolment. */
export const RECOVERY_KEY_BYTES = 32;
/** Checksum appended before rendering: 3 bytes, so a typo slips through with odds 1 in 2^24. */
const CHECKSUM_BYTES = 3;
/** 35 bytes = 280 bits = exactly 56 base32 characters, shown as 14 groups of 4. */
const GROUP_SIZE = 4;

// Crockford base32: no I, L, O, U, so the characters people confuse are read as one.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECKSUM_TAG = domainTag('focalnet/recovery-key-checksum/v1');

/** A recovery key as bytes (32) and as the text shown to the user. */
export interface RecoveryKey {
  readonly bytes: Uint8Array;
  readonly text: string;
}

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31]!;
    }
  }
  return out; // callers pass a multiple of 5 bytes, so no bits remain
}

function fromBase32(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new CryptoError('crypto.recovery-key-typo', `'${char}' is not a recovery key character`);
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 255;
    }
  }
  return out;
}

async function checksum(key: Uint8Array): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_generichash(16, concatBytes(CHECKSUM_TAG, key), null).subarray(0, CHECKSUM_BYTES);
}

/**
 * Renders a 32-byte recovery key with its checksum as 56 Crockford base32 characters in 14
 * groups of 4 joined by '-', e.g. "7K2M-…".
 */
export async function formatRecoveryKey(key: Uint8Array): Promise<string> {
  if (key.length !== RECOVERY_KEY_BYTES) throw new CryptoError('crypto.malformed', 'recovery key must be 32 bytes');
  const chars = toBase32(concatBytes(key, await checksum(key)));
  return chars.match(new RegExp(`.{${GROUP_SIZE}}`, 'g'))?.join('-') ?? '';
}

/**
 * Parses a typed recovery key: case-insensitive, ignores spaces and hyphens, reads O as 0 and
 * I/L as 1. Returns the 32 key bytes.
 * @throws CryptoError 'crypto.recovery-key-typo' on a bad character, length or checksum
 */
export async function parseRecoveryKey(text: string): Promise<Uint8Array> {
  const chars = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const expected = ((RECOVERY_KEY_BYTES + CHECKSUM_BYTES) * 8) / 5;
  if (chars.length !== expected) {
    throw new CryptoError('crypto.recovery-key-typo', `a recovery key has ${expected} characters, got ${chars.length}`);
  }
  const bytes = fromBase32(chars);
  const key = bytes.slice(0, RECOVERY_KEY_BYTES);
  const sodium = await getSodium();
  if (!sodium.memcmp(await checksum(key), bytes.subarray(RECOVERY_KEY_BYTES))) {
    throw new CryptoError('crypto.recovery-key-typo', 'recovery key checksum does not match');
  }
  return key;
}

/** A fresh random recovery key (32 bytes) and its display text. */
export async function generateRecoveryKey(): Promise<RecoveryKey> {
  const sodium = await getSodium();
  const bytes = sodium.randombytes_buf(RECOVERY_KEY_BYTES);
  return { bytes, text: await formatRecoveryKey(bytes) };
}
