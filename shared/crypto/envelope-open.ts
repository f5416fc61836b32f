import { getSodium } from './sodium.js';
import { fromBase64Url } from './encoding.js';
import { CryptoError } from './errors.js';
import type { EncryptionKeyPair } from './keys.js';
import { decodePayload, payloadMatchesHeader } from './envelope-payload.js';
import { verifyEnvelope } from './verify-envelope.js';
import {
  BODY_NONCE_BYTES,
  Envelope,
  headerHash,
  SEALED_KEY_PLAINTEXT_BYTES,
  type EnvelopeHeader,
} from './envelope-format.js';

export interface OpenEnvelopeOptions {
  readonly myUserId: string;
  /** My X25519 key pair: 32-byte public and private keys. */
  readonly myEncryptionKeyPair: EncryptionKeyPair;
  /** The sender's Ed25519 identity key (32 bytes) from the directory, checked against the safety number. */
  readonly senderIdentityKey: Uint8Array;
}

export interface OpenedEnvelope {
  readonly header: EnvelopeHeader;
  /** The application content; parse it with the schema for `header.kind` before use. */
  readonly content: unknown;
}

/**
 * Verifies and decrypts an envelope for one of its recipients, its sender or its approvers. Order: schema,
 * key set and signature; my sealed key; the header hash inside it; the body; the payload's
 * repeated metadata against the header. Does not de-duplicate: use a ReplayGuard.
 * @throws CryptoError 'crypto.malformed' | 'crypto.bad-signature' | 'crypto.not-a-recipient'
 *   | 'crypto.decrypt-failed' | 'crypto.header-mismatch'
 */
export async function openEnvelope(envelope: Envelope, options: OpenEnvelopeOptions): Promise<OpenedEnvelope> {
  // Parsed again although typed: envelopes come off the network and a cast may have slipped in.
  const parsed = Envelope.safeParse(envelope);
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'envelope does not match its schema');
  const { header } = parsed.data;

  const check = await verifyEnvelope(parsed.data, options.senderIdentityKey);
  if (!check.ok) throw new CryptoError(check.code, check.message);

  const mine = parsed.data.keys.find((key) => key.userId === options.myUserId);
  if (!mine) throw new CryptoError('crypto.not-a-recipient', 'no sealed key for this user');

  const sodium = await getSodium();
  let unsealed: Uint8Array;
  try {
    const { publicKey, privateKey } = options.myEncryptionKeyPair;
    unsealed = sodium.crypto_box_seal_open(fromBase64Url(mine.sealed), publicKey, privateKey);
  } catch {
    throw new CryptoError('crypto.decrypt-failed', 'sealed key does not open with this key pair');
  }
  if (unsealed.length !== SEALED_KEY_PLAINTEXT_BYTES)
    throw new CryptoError('crypto.malformed', 'sealed key has the wrong size');
  const contentKey = unsealed.subarray(0, 32);
  const expectedHash = await headerHash(header);

  try {
    // The sender bound the key to this header; a key lifted from another envelope fails here.
    if (!sodium.memcmp(unsealed.subarray(32), expectedHash)) {
      throw new CryptoError('crypto.header-mismatch', 'sealed key was made for another header');
    }
    const body = fromBase64Url(parsed.data.body);
    let padded: Uint8Array;
    try {
      padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        body.subarray(BODY_NONCE_BYTES),
        expectedHash,
        body.subarray(0, BODY_NONCE_BYTES),
        contentKey,
      );
    } catch {
      throw new CryptoError('crypto.decrypt-failed', 'body does not decrypt');
    }
    const payload = decodePayload(padded);
    // Whoever holds the content key (any recipient) can re-encrypt the payload under a header
    // they sign themselves; the metadata repeated inside exposes that.
    if (!payloadMatchesHeader(payload, header)) {
      throw new CryptoError('crypto.header-mismatch', 'payload metadata differs from the header');
    }
    return { header, content: payload.content };
  } finally {
    sodium.memzero(unsealed);
  }
}
