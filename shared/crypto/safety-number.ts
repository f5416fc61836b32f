import { getSodium } from './sodium.js';
import { concatBytes, domainTag, lengthPrefixed, utf8Encode } from './encoding.js';
import { CryptoError } from './errors.js';

const SAFETY_TAG = domainTag('focalnet/safety-number/v1');
const FINGERPRINT_TAG = domainTag('focalnet/key-fingerprint/v1');
const GROUPS = 12;
const GROUP_DIGITS = 5;
/** Prefix of the QR payload; upper case and digits only, so QR alphanumeric mode encodes it. */
const QR_PREFIX = 'FNSN1:';

/** One side of a conversation: a user and their Ed25519 identity key (32 bytes). */
export interface SafetyParty {
  readonly userId: string;
  readonly identityKey: Uint8Array;
}

/** What two admins compare out of band. */
export interface SafetyNumber {
  /** 12 groups of 5 decimal digits. */
  readonly groups: readonly string[];
  /** The groups joined by spaces, for display. */
  readonly text: string;
  /** Compact string for a QR code: "FNSN1:" followed by the 60 digits. */
  readonly qr: string;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function checkIdentityKey(key: Uint8Array): void {
  if (key.length !== 32) throw new CryptoError('crypto.malformed', 'identity key must be 32 bytes');
}

/**
 * Safety number between two users: BLAKE2b-512 over "focalnet/safety-number/v1" and both
 * (userId, identity key) pairs in byte order, so both sides compute the same number whichever
 * is "me". The user ids are included so a key shown under another user's name does not match.
 * Each group is 5 bytes of the hash read as a 40-bit integer mod 100000 (bias < 10⁻⁷).
 */
export async function safetyNumber(a: SafetyParty, b: SafetyParty): Promise<SafetyNumber> {
  checkIdentityKey(a.identityKey);
  checkIdentityKey(b.identityKey);
  const sodium = await getSodium();
  const parties = [a, b].map((party) => lengthPrefixed(utf8Encode(party.userId), party.identityKey)).sort(compareBytes);
  const hash = sodium.crypto_generichash(64, concatBytes(SAFETY_TAG, ...parties), null);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 256 + hash[g * 5 + i]!;
    groups.push(String(value % 10 ** GROUP_DIGITS).padStart(GROUP_DIGITS, '0'));
  }
  return { groups, text: groups.join(' '), qr: QR_PREFIX + groups.join('') };
}

/**
 * True if a scanned QR string or typed digits (spaces ignored) equal the safety number.
 */
export function safetyNumberMatches(expected: SafetyNumber, scannedOrTyped: string): boolean {
  const compact = scannedOrTyped.replace(/\s/g, '').toUpperCase();
  const digits = compact.startsWith(QR_PREFIX) ? compact.slice(QR_PREFIX.length) : compact;
  return digits === expected.groups.join('');
}

/**
 * Fingerprint of one identity key (32 bytes) for the directory: BLAKE2b-160 over
 * "focalnet/key-fingerprint/v1" ‖ key, as 10 groups of 4 upper-case hex digits.
 */
export async function keyFingerprint(identityKey: Uint8Array): Promise<string> {
  checkIdentityKey(identityKey);
  const sodium = await getSodium();
  const hex = sodium
    .to_hex(sodium.crypto_generichash(20, concatBytes(FINGERPRINT_TAG, identityKey), null))
    .toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
