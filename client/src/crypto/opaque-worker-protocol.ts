import type { CryptoErrorCode } from '../../../shared/crypto/errors';
import type { KeyStretching } from '../../../shared/crypto/opaque-format';

/** Page → OPAQUE worker. A started step is kept in the worker under `handle` until it finishes. */
export type OpaqueWorkerRequest =
  | { id: number; op: 'start-registration'; password: string }
  | { id: number; op: 'start-login'; password: string }
  | { id: number; op: 'finish'; handle: number; serverMessage: string; stretching: KeyStretching };

/** OPAQUE worker → page; errors keep their CryptoError code. */
export type OpaqueWorkerResponse =
  | { id: number; kind: 'started'; handle: number; request: string }
  | { id: number; kind: 'registered'; registrationRecord: string; exportKey: Uint8Array }
  | {
      id: number;
      kind: 'logged-in';
      result: { finishLoginRequest: string; exportKey: Uint8Array; serverStaticPublicKey: string } | null;
    }
  | { id: number; kind: 'error'; code: CryptoErrorCode | null; message: string };
