import { PolicyBody } from '../schemas/policy.js';
import { toBase64Url } from './encoding.js';
import { getSodium } from './sodium.js';
import { policySignedBytes } from './verify-policy-signature.js';

/** A policy version ready to submit: the normalised body and its signature. */
export interface SignedPolicy {
  readonly policy: PolicyBody;
  /** Ed25519, 64 bytes as base64url. */
  readonly signature: string;
}

/**
 * Signs a policy version with the national admin's identity key (Ed25519 private key, 64 bytes).
 * The body is parsed first, so what is signed is exactly what the server will parse and store.
 * @throws ZodError when the body is not a valid PolicyBody
 */
export async function signPolicy(body: PolicyBody, identityPrivateKey: Uint8Array): Promise<SignedPolicy> {
  const policy = PolicyBody.parse(body);
  const sodium = await getSodium();
  const signature = sodium.crypto_sign_detached(await policySignedBytes(policy), identityPrivateKey);
  return { policy, signature: toBase64Url(signature) };
}
