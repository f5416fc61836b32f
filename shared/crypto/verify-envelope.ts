import { getSodium } from './sodium.js';
import { fromBase64Url } from './encoding.js';
import { ED25519_PUBLIC_KEY_BYTES } from './verify-key-bundle.js';
import { signedBytes, type Envelope } from './envelope-format.js';

/** Outcome of a check the server can run without any key material: a closed code, never a throw. */
export type EnvelopeCheck =
  { ok: true } | { ok: false; code: 'crypto.malformed' | 'crypto.bad-signature'; message: string };

/**
 * Structure check: `keys` holds exactly one entry for each recipient in `header.to`, one for
 * the sender (`header.from`) and one for each approver (`header.approvers`), and nothing else.
 * Pure and synchronous.
 */
export function checkEnvelopeKeys(envelope: Envelope): EnvelopeCheck {
  const { header } = envelope;
  const expected = new Set([
    header.from.userId,
    ...header.to.map((recipient) => recipient.userId),
    ...(header.approvers ?? []).map((approver) => approver.userId),
  ]);
  const seen = new Set<string>();
  for (const { userId } of envelope.keys) {
    if (!expected.has(userId))
      return { ok: false, code: 'crypto.malformed', message: `sealed key for a user not in the header: ${userId}` };
    if (seen.has(userId))
      return { ok: false, code: 'crypto.malformed', message: `more than one sealed key for ${userId}` };
    seen.add(userId);
  }
  if (seen.size !== expected.size) {
    const missing = [...expected].filter((userId) => !seen.has(userId));
    return { ok: false, code: 'crypto.malformed', message: `no sealed key for ${missing.join(', ')}` };
  }
  return { ok: true };
}

/**
 * True if `sig` is a valid Ed25519 signature by `senderIdentityKey` (32 bytes) over
 * `signedBytes(envelope)`. Never throws: anything undecodable is simply not valid.
 */
export async function verifyEnvelopeSignature(envelope: Envelope, senderIdentityKey: Uint8Array): Promise<boolean> {
  if (senderIdentityKey.length !== ED25519_PUBLIC_KEY_BYTES) return false;
  try {
    const sodium = await getSodium();
    const signature = fromBase64Url(envelope.sig);
    if (signature.length !== sodium.crypto_sign_BYTES) return false;
    return sodium.crypto_sign_verify_detached(signature, await signedBytes(envelope), senderIdentityKey);
  } catch {
    return false;
  }
}

/**
 * Everything the server checks cryptographically: the key set (`checkEnvelopeKeys`), then the
 * signature against the sender's directory identity key (32 bytes). The envelope must already
 * have been parsed with the `Envelope` schema.
 */
export async function verifyEnvelope(envelope: Envelope, senderIdentityKey: Uint8Array): Promise<EnvelopeCheck> {
  const keys = checkEnvelopeKeys(envelope);
  if (!keys.ok) return keys;
  if (!(await verifyEnvelopeSignature(envelope, senderIdentityKey))) {
    return { ok: false, code: 'crypto.bad-signature', message: 'envelope signature does not verify' };
  }
  return { ok: true };
}
