import type { PolicyBody } from '../schemas/policy.js';
import { canonicalJsonBytes } from './canonical-json.js';
import { concatBytes, domainTag, fromBase64Url } from './encoding.js';
import { getSodium } from './sodium.js';
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES } from './verify-key-bundle.js';

const POLICY_SIG_TAG = domainTag('focalnet/policy/v1');

/**
 * The bytes a national admin signs for a policy version: "focalnet/policy/v1" ‖ 0x00 ‖
 * BLAKE2b-512 (64 bytes) of the canonical JSON of the PolicyBody. The body must be the one
 * `PolicyBody.parse` returns (trimmed legal bases), since that is what the server checks and stores.
 * @throws CryptoError 'crypto.malformed' when the body is not canonicalisable JSON
 */
export async function policySignedBytes(body: PolicyBody): Promise<Uint8Array> {
  const sodium = await getSodium();
  return concatBytes(POLICY_SIG_TAG, sodium.crypto_generichash(64, canonicalJsonBytes(body), null));
}

/**
 * True if `signature` (64 bytes, base64url) is a valid Ed25519 signature by `identityKey`
 * (32 bytes, base64url) over `policySignedBytes(body)`. Never throws: anything undecodable is
 * simply not valid.
 */
export async function verifyPolicySignature(
  body: PolicyBody,
  signature: string,
  identityKey: string,
): Promise<boolean> {
  try {
    const key = fromBase64Url(identityKey);
    const sig = fromBase64Url(signature);
    if (key.length !== ED25519_PUBLIC_KEY_BYTES || sig.length !== ED25519_SIGNATURE_BYTES) return false;
    const sodium = await getSodium();
    return sodium.crypto_sign_verify_detached(sig, await policySignedBytes(body), key);
  } catch {
    return false;
  }
}
