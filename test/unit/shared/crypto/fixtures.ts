import type { Labels } from '../../../../shared/schemas/labels.js';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import { concatBytes, fromBase64Url, toBase64Url } from '../../../../shared/crypto/encoding.js';
import { generateUserKeys, type UserKeys } from '../../../../shared/crypto/keys.js';
import { sealEnvelope, type SealEnvelopeInput } from '../../../../shared/crypto/envelope-seal.js';
import { encodePayload, type PayloadMetadata } from '../../../../shared/crypto/envelope-payload.js';
import {
  headerHash,
  signedBytes,
  type Envelope,
  type EnvelopeHeader,
} from '../../../../shared/crypto/envelope-format.js';
import type { JsonValue } from '../../../../shared/crypto/canonical-json.js';
import { CryptoError, type CryptoErrorCode } from '../../../../shared/crypto/errors.js';

export interface TestUser {
  readonly userId: string;
  readonly state: string;
  readonly keys: UserKeys;
}

export async function makeUser(userId: string, state: string): Promise<TestUser> {
  return { userId, state, keys: await generateUserKeys() };
}

/** Users u00…u(n-1) from states AA, AB, …; distinct ids and states. */
export async function makeUsers(count: number, prefix = 'u'): Promise<TestUser[]> {
  const states = (i: number) => String.fromCharCode(65 + (Math.floor(i / 26) % 26), 65 + (i % 26));
  return Promise.all(
    Array.from({ length: count }, (_, i) => makeUser(`${prefix}${String(i).padStart(2, '0')}`, states(i))),
  );
}

export const LABELS: Labels = {
  domain: 'border',
  category: 'travel-identity-documents',
  classification: 'restricted',
  handling: 'H2',
  evaluation: 'B2',
};
export const TS = 1_767_225_600_000; // 2026-01-01T00:00:00Z, fixed clock

export function sealInput(
  sender: TestUser,
  recipients: readonly TestUser[],
  content: JsonValue,
  overrides: Partial<SealEnvelopeInput> = {},
): SealEnvelopeInput {
  return {
    ts: TS,
    kind: 'message',
    from: { userId: sender.userId, state: sender.state },
    labels: LABELS,
    recipients: recipients.map((r) => ({
      userId: r.userId,
      state: r.state,
      encryptionKey: r.keys.encryption.publicKey,
    })),
    content,
    senderIdentity: sender.keys.identity,
    selfEncryptionKey: sender.keys.encryption.publicKey,
    ...overrides,
  };
}

export function seal(
  sender: TestUser,
  recipients: readonly TestUser[],
  content: JsonValue,
  overrides: Partial<SealEnvelopeInput> = {},
): Promise<Envelope> {
  return sealEnvelope(sealInput(sender, recipients, content, overrides));
}

export function openOptions(me: TestUser, sender: TestUser) {
  return {
    myUserId: me.userId,
    myEncryptionKeyPair: me.keys.encryption,
    senderIdentityKey: sender.keys.identity.publicKey,
  };
}

/** Signs an (altered) envelope again with `signer`'s key: models a malicious sender, to test the layers under the signature. */
export async function resign(envelope: Envelope, signer: TestUser): Promise<Envelope> {
  const sodium = await getSodium();
  const { sig: _old, ...unsigned } = envelope;
  return {
    ...unsigned,
    sig: toBase64Url(sodium.crypto_sign_detached(await signedBytes(unsigned), signer.keys.identity.privateKey)),
  };
}

/** A copy of base64url `text` with one bit flipped in byte `index` of its decoded bytes. */
export function flipByte(text: string, index: number): string {
  const bytes = fromBase64Url(text);
  bytes[index] = bytes[index]! ^ 0x01;
  return toBase64Url(bytes);
}

/**
 * Builds a correctly signed envelope by `signer` whose encrypted payload bytes are chosen
 * freely: what a recipient holding a content key could do to re-send content under a new header.
 */
export async function sealRawPayload(
  header: EnvelopeHeader,
  padded: Uint8Array,
  signer: TestUser,
  holders: readonly TestUser[],
): Promise<Envelope> {
  const sodium = await getSodium();
  const hash = await headerHash(header);
  const contentKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const nonce = sodium.randombytes_buf(24);
  const body = toBase64Url(
    concatBytes(nonce, sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, hash, null, nonce, contentKey)),
  );
  const keys = holders.map((h) => ({
    userId: h.userId,
    sealed: toBase64Url(sodium.crypto_box_seal(concatBytes(contentKey, hash), h.keys.encryption.publicKey)),
  }));
  return resign({ v: 1, header, body, keys, sig: '' }, signer);
}

/** The same, with the payload built from `metadata` (which may differ from the header). */
export function sealWithMetadata(
  header: EnvelopeHeader,
  metadata: PayloadMetadata,
  content: JsonValue,
  signer: TestUser,
  holders: readonly TestUser[],
): Promise<Envelope> {
  return sealRawPayload(header, encodePayload(metadata, content), signer, holders);
}

/** Decrypts `envelope` as `me` by hand and returns the raw padded payload bytes. */
export async function rawPayload(envelope: Envelope, me: TestUser): Promise<Uint8Array> {
  const sodium = await getSodium();
  const mine = envelope.keys.find((k) => k.userId === me.userId);
  if (!mine) throw new Error('no key');
  const unsealed = sodium.crypto_box_seal_open(
    fromBase64Url(mine.sealed),
    me.keys.encryption.publicKey,
    me.keys.encryption.privateKey,
  );
  const body = fromBase64Url(envelope.body);
  return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    body.subarray(24),
    unsealed.subarray(32),
    body.subarray(0, 24),
    unsealed.subarray(0, 32),
  );
}

/** Resolves to the CryptoError code `promise` rejects with; fails if it resolves or throws anything else. */
export async function rejectionCode(promise: Promise<unknown>): Promise<CryptoErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError, but the promise resolved');
}

/** The CryptoError code `fn` throws synchronously. */
export function thrownCode(fn: () => unknown): CryptoErrorCode {
  try {
    fn();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError, but nothing was thrown');
}
