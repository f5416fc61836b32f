import type { UserKeys } from '../../shared/crypto/keys.js';
import type { PublicKeyBundle } from '../../shared/crypto/verify-key-bundle.js';
import type {
  PassphraseWrappedKeys,
  RecoveryWrappedKeys,
  StoredWrappedKeys,
} from '../../shared/crypto/wrapped-keys-format.js';

/** Steps of enrolment, in order, for a progress indicator. */
export const ENROLMENT_STEPS = [
  'generating-keys',
  'making-recovery-key',
  'wrapping-with-password',
  'wrapping-with-recovery-key',
  'registering',
  'done',
] as const;
export type EnrolmentStep = (typeof ENROLMENT_STEPS)[number];

export interface EnrolmentRequest {
  /** The normalised username: the associated data of both wrappings. */
  username: string;
  /** OPAQUE's export key from registering the password (64 bytes); never sent anywhere. */
  exportKey: Uint8Array;
}

export interface EnrolmentMaterial {
  keys: UserKeys;
  bundle: PublicKeyBundle;
  wrappedKeys: StoredWrappedKeys;
  recoveryKeyText: string;
}

/**
 * The key operations that take time or should stay off a page's thread. The SDK runs them
 * in-process by default; a browser passes an implementation backed by a Web Worker.
 */
export interface KeyCrypto {
  enrol(request: EnrolmentRequest, onStep?: (step: EnrolmentStep) => void): Promise<EnrolmentMaterial>;
  /** Only to upgrade an account made before OPAQUE (argon2id of the password, 64 MiB). */
  unwrapWithPassphrase(wrapped: PassphraseWrappedKeys, passphrase: string, username: string): Promise<UserKeys>;
  /** `recoveryKeyText` as typed; parsed here (typos raise crypto.recovery-key-typo). */
  unwrapWithRecoveryKey(wrapped: RecoveryWrappedKeys, recoveryKeyText: string, username: string): Promise<UserKeys>;
}
