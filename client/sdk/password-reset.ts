import { z } from 'zod';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import { CryptoError } from '../../shared/crypto/errors.js';
import type { KdfLimits } from '../../shared/crypto/key-wrap.js';
import { signPasswordReset } from '../../shared/crypto/password-reset-sign.js';
import { Password, PasswordResetPreview } from '../../shared/schemas/accounts.js';
import { localValidationError } from './api-error.js';
import type { HttpTransport } from './http-transport.js';
import type { KeyCrypto } from './key-crypto.js';

export interface ResetPasswordInput {
  /** From the link's fragment (/reset#TOKEN). */
  token: string;
  /** As typed; the recovery key shown once at enrolment. */
  recoveryKeyText: string;
  newPassword: string;
  /** argon2id cost for the new wrapping; the default unless testing. */
  limits?: KdfLimits;
}

export interface PasswordResets {
  /** Whose account a reset link is for; needs no session. */
  preview(token: string): Promise<PasswordResetPreview>;
  /**
   * Unlocks the keys with the recovery key here, wraps them under the new password, signs the
   * reset with the identity key and sends it; the keys are forgotten again. Then sign in as usual.
   */
  reset(input: ResetPasswordInput): Promise<void>;
}

export function passwordResets(transport: HttpTransport, keyCrypto: KeyCrypto): PasswordResets {
  const preview = (token: string): Promise<PasswordResetPreview> => transport.send({ method: 'POST', path: '/api/password-reset/preview', body: { token }, schema: PasswordResetPreview });
  return {
    preview,
    async reset({ token, recoveryKeyText, newPassword, limits }) {
      // The server's length rule first, so a typo does not cost a key derivation.
      const password = Password.safeParse(newPassword);
      if (!password.success) throw localValidationError('newPassword', password.error.issues[0]?.message ?? 'invalid');
      const account = await preview(token);
      const keys = await keyCrypto.unwrapWithRecoveryKey(account.recovery, recoveryKeyText, account.username);
      try {
        if (toBase64Url(keys.identity.publicKey) !== account.identityKey) {
          throw new CryptoError('crypto.malformed', 'the recovery key unlocks keys that are not this account\'s');
        }
        const wrappedKeys = await keyCrypto.wrapWithPassphrase(keys, newPassword, account.username, limits);
        const signature = await signPasswordReset(account.userId, token, wrappedKeys, keys.identity.privateKey);
        await transport.send({ method: 'POST', path: '/api/password-reset', body: { token, newPassword, wrappedKeys, signature }, schema: z.object({ ok: z.literal(true) }) });
      } finally {
        keys.identity.privateKey.fill(0);
        keys.encryption.privateKey.fill(0);
      }
    },
  };
}
