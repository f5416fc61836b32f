import type { KdfLimits } from '../../shared/crypto/key-wrap.js';
import type { UserKeys } from '../../shared/crypto/keys.js';
import type { PublicKeyBundle } from '../../shared/crypto/verify-key-bundle.js';
import type { PassphraseWrappedKeys, RecoveryWrappedKeys, StoredWrappedKeys } from '../../shared/crypto/wrapped-keys-format.js';

/** Steps of enrolment, in order, for a progress indicator. */
export const ENROLMENT_STEPS = ['generating-keys', 'making-recovery-key', 'wrapping-with-password', 'wrapping-with-recovery-key', 'registering', 'done'] as const;
export type EnrolmentStep = (typeof ENROLMENT_STEPS)[number];

export interface EnrolmentRequest {
  /** The normalised username: the associated data of both wrappings. */
  username: string;
  passphrase: string;
  limits?: KdfLimits;
}

export interface EnrolmentMaterial {
  keys: UserKeys;
  bundle: PublicKeyBundle;
  wrappedKeys: StoredWrappedKeys;
  recoveryKeyText: string;
}

/**
 * The key operations that take time (argon2id at 64 MiB takes about a second). The SDK runs them
 * in-process by default; a browser passes an implementation backed by a Web Worker.
 */
export interface KeyCrypto {
  enrol(request: EnrolmentRequest, onStep?: (step: EnrolmentStep) => void): Promise<EnrolmentMaterial>;
  unwrapWithPassphrase(wrapped: PassphraseWrappedKeys, passphrase: string, username: string): Promise<UserKeys>;
  /** `recoveryKeyText` as typed; parsed here (typos raise crypto.recovery-key-typo). */
  unwrapWithRecoveryKey(wrapped: RecoveryWrappedKeys, recoveryKeyText: string, username: string): Promise<UserKeys>;
  /** The same keys under a new passphrase (a password change). */
  wrapWithPassphrase(keys: UserKeys, passphrase: string, username: string, limits?: KdfLimits): Promise<PassphraseWrappedKeys>;
}
