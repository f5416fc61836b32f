import { fromBase64Url } from './encoding.js';
import { livenessAckBytes } from './liveness-format.js';
import { getSodium } from './sodium.js';

/** True if `signature` (base64url) is the identity key's answer to this check. Never throws. */
export async function verifyLivenessAck(input: {
  checkId: string;
  nonce: string;
  userId: string;
  signature: string;
  identityKey: string;
}): Promise<boolean> {
  try {
    const sodium = await getSodium();
    return sodium.crypto_sign_verify_detached(
      fromBase64Url(input.signature),
      livenessAckBytes(input.checkId, input.nonce, input.userId),
      fromBase64Url(input.identityKey),
    );
  } catch {
    return false;
  }
}
