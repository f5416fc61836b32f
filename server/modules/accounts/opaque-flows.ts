import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as opaque from '@serenity-kit/opaque';
import { AppError } from '../../../shared/errors.js';
import type { ClaimStore } from './ports/claims.js';

/** How long a client has between a login's start and its finish. */
export const OPAQUE_LOGIN_TTL_MS = 2 * 60_000;
/** A registration waits while the newcomer writes down and types back the recovery key. */
export const OPAQUE_REGISTRATION_TTL_MS = 30 * 60_000;

export type OpaqueFlowPurpose = 'sign-in' | 'unlock' | 'register' | 'password-change' | 'password-reset' | 'upgrade';

/** What the server remembers between a start and its finish, sealed into the flow id the client carries. */
export interface OpaqueFlowState {
  purpose: OpaqueFlowPurpose;
  /** The OPAQUE user identifier: the username. */
  username: string;
  /** The account, when there is one (none for an unknown username or a registration). */
  userId: string | null;
  /** OPAQUE's server login state (login flows only). */
  serverLoginState: string | null;
  /** What the flow was started for: an invitation id or a reset token hash. */
  subject: string | null;
}

interface SealedState extends OpaqueFlowState {
  id: string;
  expiresAt: number;
}

const flowExpired = (): AppError =>
  new AppError('auth.flow-invalid', 'this sign-in step has expired or was used already: start again');

/**
 * OPAQUE (RFC 9807) on the server: its long-term setup, and the state between a flow's two round
 * trips. The state travels to the client sealed (AES-256-GCM under a key only the servers hold), so
 * any node can finish a flow another node started; a finish claims the flow's id by unique insert,
 * so each flow finishes once (a replayed finish is refused).
 */
export interface OpaqueFlows {
  readonly serverSetup: string;
  /** Seals a new flow's state; the returned id is what the client sends back at the finish. */
  seal(state: OpaqueFlowState, now: Date): string;
  /** Opens a flow id, checks purpose and expiry, and claims it: true only once. */
  consume(flowId: string, purpose: OpaqueFlowPurpose, now: Date): Promise<OpaqueFlowState>;
  registrationResponse(username: string, registrationRequest: string): string;
  startLogin(
    username: string,
    registrationRecord: string | null,
    startLoginRequest: string,
  ): { loginResponse: string; serverLoginState: string };
  /** False when the client did not prove the password (wrong password, unknown user, tampered message). */
  finishLogin(serverLoginState: string, finishLoginRequest: string): boolean;
}

const malformed = (what: string): AppError =>
  new AppError('validation.failed', `${what} is not a valid OPAQUE message`, [
    { path: ['body', what], message: 'not a valid OPAQUE message' },
  ]);

export function opaqueFlows(serverSetup: string, secret: string, claims: ClaimStore): OpaqueFlows {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'focalnet/opaque-flow-state/v1', 32));
  return {
    serverSetup,
    seal(state, now) {
      const ttl = state.serverLoginState ? OPAQUE_LOGIN_TTL_MS : OPAQUE_REGISTRATION_TTL_MS;
      const sealed: SealedState = {
        ...state,
        id: randomBytes(16).toString('base64url'),
        expiresAt: now.getTime() + ttl,
      };
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(sealed), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    async consume(flowId, purpose, now) {
      let state: SealedState;
      try {
        const bytes = Buffer.from(flowId, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        state = JSON.parse(
          Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'),
        ) as SealedState;
      } catch {
        throw flowExpired();
      }
      if (state.purpose !== purpose || state.expiresAt <= now.getTime()) throw flowExpired();
      if (!(await claims.claim(`opaque-flow:${state.id}`, now, new Date(state.expiresAt)))) throw flowExpired();
      return {
        purpose: state.purpose,
        username: state.username,
        userId: state.userId,
        serverLoginState: state.serverLoginState,
        subject: state.subject,
      };
    },
    registrationResponse(username, registrationRequest) {
      try {
        return opaque.server.createRegistrationResponse({ serverSetup, userIdentifier: username, registrationRequest })
          .registrationResponse;
      } catch {
        throw malformed('registrationRequest');
      }
    },
    startLogin(username, registrationRecord, startLoginRequest) {
      try {
        // A null record answers with a fake response indistinguishable from a real one (RFC 9807 §10.9).
        return opaque.server.startLogin({
          serverSetup,
          userIdentifier: username,
          registrationRecord,
          startLoginRequest,
        });
      } catch {
        throw malformed('startLoginRequest');
      }
    },
    finishLogin(serverLoginState, finishLoginRequest) {
      try {
        opaque.server.finishLogin({ serverLoginState, finishLoginRequest });
        return true;
      } catch {
        return false;
      }
    },
  };
}
