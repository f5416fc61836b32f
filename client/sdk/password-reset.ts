import { z } from 'zod';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import { CryptoError } from '../../shared/crypto/errors.js';
import { wrapWithExportKey, type KdfLimits } from '../../shared/crypto/key-wrap.js';
import { signPasswordReset } from '../../shared/crypto/password-reset-sign.js';
import { PasswordResetPreview, RegistrationStartResponse } from '../../shared/schemas/accounts.js';
import type { HttpTransport } from './http-transport.js';
import type { KeyCrypto } from './key-crypto.js';
import { stretchingFor, type OpaqueClient } from './opaque-client.js';
import { checkNewPassword } from './onboarding.js';

export interface ResetPasswordInput {
  /** From the link's fragment (/reset#TOKEN). */
  token: string;
  /** As typed; the recovery key shown once at enrolment. */
  recoveryKeyText: string;
  newPassword: string;
  /** argon2id cost of the new password's key stretching; the default unless testing. */
  limits?: KdfLimits;
}

export interface PasswordResets {
  /** Whose account a reset link is for; needs no session. */
  preview(token: string): Promise<PasswordResetPreview>;
  /**
   * Unlocks the keys with the recovery key here, registers the new password by OPAQUE (it never
   * leaves this machine), wraps the keys under its export key, signs the reset with the identity
   * key and sends it; the keys are forgotten again. Then sign in as usual.
   */
  reset(input: ResetPasswordInput): Promise<void>;
}

export function passwordResets(transport: HttpTransport, keyCrypto: KeyCrypto, opaque: OpaqueClient): PasswordResets {
  const preview = (token: string): Promise<PasswordResetPreview> =>
    transport.send({
      method: 'POST',
      path: '/api/password-reset/preview',
      body: { token },
      schema: PasswordResetPreview,
    });
  return {
    preview,
    async reset({ token, recoveryKeyText, newPassword, limits }) {
      const account = await preview(token);
      // The server's rules first, so a typo does not cost a key derivation.
      checkNewPassword('newPassword', newPassword, [account.username, account.displayName]);
      const keys = await keyCrypto.unwrapWithRecoveryKey(account.recovery, recoveryKeyText, account.username);
      try {
        if (toBase64Url(keys.identity.publicKey) !== account.identityKey) {
          throw new CryptoError('crypto.malformed', "the recovery key unlocks keys that are not this account's");
        }
        const registration = await opaque.startRegistration(newPassword);
        const started = await transport.send({
          method: 'POST',
          path: '/api/password-reset/start',
          body: { token, registrationRequest: registration.registrationRequest },
          schema: RegistrationStartResponse,
        });
        const stretching = stretchingFor(limits);
        const { registrationRecord, exportKey } = await registration.finish(started.registrationResponse, stretching);
        const wrappedKeys = await wrapWithExportKey(keys, exportKey, account.username);
        exportKey.fill(0);
        const signature = await signPasswordReset(
          account.userId,
          token,
          wrappedKeys,
          registrationRecord,
          keys.identity.privateKey,
        );
        await transport.send({
          method: 'POST',
          path: '/api/password-reset',
          body: { token, opaque: { flowId: started.flowId, registrationRecord, stretching }, wrappedKeys, signature },
          schema: z.object({ ok: z.literal(true) }),
        });
      } finally {
        keys.identity.privateKey.fill(0);
        keys.encryption.privateKey.fill(0);
      }
    },
  };
}
