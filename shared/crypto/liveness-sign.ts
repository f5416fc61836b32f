import { toBase64Url } from './encoding.js';
import { livenessAckBytes } from './liveness-format.js';
import { getSodium } from './sodium.js';

/** The client's signed answer to a liveness prompt (Ed25519 with the 64-byte identity private key). */
export async function signLivenessAck(
  prompt: { checkId: string; nonce: string },
  userId: string,
  identityPrivateKey: Uint8Array,
): Promise<string> {
  const sodium = await getSodium();
  return toBase64Url(
    sodium.crypto_sign_detached(livenessAckBytes(prompt.checkId, prompt.nonce, userId), identityPrivateKey),
  );
}
