import type { CryptoErrorCode } from '../../../shared/crypto/errors';
import type { UserKeys } from '../../../shared/crypto/keys';
import type { PassphraseWrappedKeys, RecoveryWrappedKeys } from '../../../shared/crypto/wrapped-keys-format';
import type { EnrolmentMaterial, EnrolmentRequest, EnrolmentStep } from '../../sdk/index';

/** Messages from the page to the key-crypto worker. */
export type WorkerRequest =
  | { id: number; op: 'enrol'; request: EnrolmentRequest }
  | { id: number; op: 'unwrap-passphrase'; wrapped: PassphraseWrappedKeys; passphrase: string; username: string }
  | { id: number; op: 'unwrap-recovery'; wrapped: RecoveryWrappedKeys; recoveryKeyText: string; username: string };

/** Messages back; errors keep their CryptoError code across the boundary. */
export type WorkerResponse =
  | { id: number; kind: 'step'; step: EnrolmentStep }
  | { id: number; kind: 'enrolled'; material: EnrolmentMaterial }
  | { id: number; kind: 'keys'; keys: UserKeys }
  | { id: number; kind: 'error'; code: CryptoErrorCode | null; message: string };
