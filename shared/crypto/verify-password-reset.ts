import { fromBase64Url } from './encoding.js';
import { passwordResetBytes } from './password-reset-format.js';
import { getSodium } from './sodium.js';
import type { ExportKeyWrappedKeys } from './wrapped-keys-format.js';

/** True if `signature` is the identity key's proof for this reset and this wrapping. Never throws. */
export async function verifyPasswordReset(input: {
  userId: string;
  token: string;
  wrappedKeys: ExportKeyWrappedKeys;
  registrationRecord: string;
  signature: string;
  identityKey: string;
}): Promise<boolean> {
  try {
    const sodium = await getSodium();
    return sodium.crypto_sign_verify_detached(
      fromBase64Url(input.signature),
      passwordResetBytes(input.userId, input.token, input.wrappedKeys, input.registrationRecord),
      fromBase64Url(input.identityKey),
    );
  } catch {
    return false;
  }
}
