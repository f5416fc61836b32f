import * as opaque from '@serenity-kit/opaque';
import { fromBase64Url } from '../../shared/crypto/encoding.js';
import { DEFAULT_KEY_STRETCHING, KeyStretching } from '../../shared/crypto/opaque-format.js';
import type { KdfLimits } from '../../shared/crypto/key-wrap.js';
import { CryptoError } from '../../shared/crypto/errors.js';

// The client half of OPAQUE (RFC 9807): the password goes into these functions and nowhere else.
// What leaves the machine are blinded elements, a MAC and a registration record; the export key
// (64 bytes) stays here and only wraps the private keys.

/** NFC, so the same password typed on different keyboards and systems is the same bytes. */
const normalised = (password: string): string => password.normalize('NFC');

function libraryStretching(stretching: KeyStretching): {
  'argon2id-custom': { iterations: number; memory: number; parallelism: number };
} {
  const checked = KeyStretching.safeParse(stretching);
  // The server hands these back at sign-in: bounded, so it cannot make the client spin or run out of memory.
  if (!checked.success)
    throw new CryptoError('crypto.unsupported-params', 'the key stretching parameters are out of bounds');
  return {
    'argon2id-custom': {
      iterations: checked.data.iterations,
      memory: checked.data.memoryKib,
      parallelism: checked.data.parallelism,
    },
  };
}

/**
 * The stretching for a new password: the default (64 MiB, 3 passes), or argon2id limits as the
 * SDK took them before OPAQUE (`memLimit` in bytes; tests pass the minimums).
 */
export function stretchingFor(limits?: KdfLimits): KeyStretching {
  if (!limits) return DEFAULT_KEY_STRETCHING;
  return {
    alg: 'argon2id',
    iterations: limits.opsLimit,
    memoryKib: Math.max(8, Math.floor(limits.memLimit / 1024)),
    parallelism: 1,
  };
}

export interface PendingRegistration {
  registrationRequest: string;
  finish(
    registrationResponse: string,
    stretching: KeyStretching,
  ): Promise<{ registrationRecord: string; exportKey: Uint8Array }>;
}

export async function startOpaqueRegistration(password: string): Promise<PendingRegistration> {
  await opaque.ready;
  const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
    password: normalised(password),
  });
  return {
    registrationRequest,
    async finish(registrationResponse, stretching) {
      let result;
      try {
        result = opaque.client.finishRegistration({
          clientRegistrationState,
          registrationResponse,
          password: normalised(password),
          keyStretching: libraryStretching(stretching),
        });
      } catch {
        throw new CryptoError('crypto.malformed', "the server's registration response is not valid");
      }
      return { registrationRecord: result.registrationRecord, exportKey: fromBase64Url(result.exportKey) };
    },
  };
}

export interface PendingLogin {
  startLoginRequest: string;
  /** Undefined when the password is wrong or the username unknown (the server's answer does not open). */
  finish(
    loginResponse: string,
    stretching: KeyStretching,
  ): Promise<{ finishLoginRequest: string; exportKey: Uint8Array; serverStaticPublicKey: string } | undefined>;
}

export async function startOpaqueLogin(password: string): Promise<PendingLogin> {
  await opaque.ready;
  const { clientLoginState, startLoginRequest } = opaque.client.startLogin({ password: normalised(password) });
  return {
    startLoginRequest,
    async finish(loginResponse, stretching) {
      let result;
      try {
        result = opaque.client.finishLogin({
          clientLoginState,
          loginResponse,
          password: normalised(password),
          keyStretching: libraryStretching(stretching),
        });
      } catch {
        return undefined;
      }
      return result
        ? {
            finishLoginRequest: result.finishLoginRequest,
            exportKey: fromBase64Url(result.exportKey),
            serverStaticPublicKey: result.serverStaticPublicKey,
          }
        : undefined;
    },
  };
}

/**
 * Where the client half of OPAQUE runs. Its argon2id stretching (64 MiB, ~0.3–1 s) would stall a
 * page: a browser passes one backed by a Web Worker; Node runs it in-process.
 */
export interface OpaqueClient {
  startRegistration(password: string): Promise<PendingRegistration>;
  startLogin(password: string): Promise<PendingLogin>;
}

export const localOpaqueClient: OpaqueClient = {
  startRegistration: startOpaqueRegistration,
  startLogin: startOpaqueLogin,
};
