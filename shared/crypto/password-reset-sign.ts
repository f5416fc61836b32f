import { toBase64Url } from './encoding.js';
import { passwordResetBytes } from './password-reset-format.js';
import { getSodium } from './sodium.js';
import type { ExportKeyWrappedKeys } from './wrapped-keys-format.js';

/** The client's proof for a password reset (Ed25519 with the 64-byte identity private key), base64url. */
export async function signPasswordReset(
  userId: string,
  token: string,
  wrappedKeys: ExportKeyWrappedKeys,
  registrationRecord: string,
  identityPrivateKey: Uint8Array,
): Promise<string> {
  const sodium = await getSodium();
  return toBase64Url(
    sodium.crypto_sign_detached(passwordResetBytes(userId, token, wrappedKeys, registrationRecord), identityPrivateKey),
  );
}
