import { z } from 'zod';
import { AnyStoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import {
  RegisterResponse,
  Session,
  SessionView,
  TotpSetupResponse,
  UserView,
  type ChangePasswordRequest,
  type Reauthentication,
  type RegisterRequest,
} from '../../../shared/schemas/accounts.js';
import type { ReauthenticationInput } from '../prove-identity.js';
import type { SessionManager } from '../session-manager.js';
import type { StoredSession } from '../session-store.js';

export interface MeApi {
  /** Me, and while I am pending verification the admins who will verify me. Refreshes the session's user. */
  get(): Promise<RegisterResponse>;
  /** Under the export key and the recovery key (an account made before OPAQUE: under the password until its next sign-in). */
  wrappedKeys(): Promise<AnyStoredWrappedKeys>;
  /** The raw call (keys made and wrapped, identity proven): use `client.rotateKeys`. The account needs verification again and every session (this one too) ends. */
  rotateKeys(request: Pick<RegisterRequest, 'keys' | 'wrappedKeys'> & { reauth: Reauthentication }): Promise<UserView>;
  /** The raw finishing call (OPAQUE done, keys already wrapped under the new export key): use `client.changePassword`. Other sessions end; this one continues. */
  changePassword(request: ChangePasswordRequest): Promise<StoredSession>;
  /** My sessions that can still be renewed; `current` marks this client's own. */
  sessions(): Promise<MySession[]>;
  /** Ends one of my other sessions at once (this client renews its token transparently). */
  endSession(id: string): Promise<void>;
  /** Enrol (or replace) the authenticator: asks the password and, once enrolled, the current code, proven here by OPAQUE. */
  startTotpSetup(input: ReauthenticationInput): Promise<TotpSetup>;
  confirmTotp(code: string): Promise<UserView>;
}

export type MySession = SessionView & { current: boolean };

/** The hint the server gives for a session's live refresh token: its SHA-256, first 16 hex digits. */
async function tokenHint(refreshToken: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(refreshToken));
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

/** The TOTP secret and its otpauth:// URL (for a QR code). */
export type TotpSetup = z.infer<typeof TotpSetupResponse>;

export function meApi(
  session: SessionManager,
  prove: (input: ReauthenticationInput) => Promise<Reauthentication>,
): MeApi {
  return {
    async get() {
      const me = await session.authed({ method: 'GET', path: '/api/me', schema: RegisterResponse });
      session.updateUser(me.user);
      return me;
    },
    wrappedKeys: () => session.authed({ method: 'GET', path: '/api/me/wrapped-keys', schema: AnyStoredWrappedKeys }),
    rotateKeys: (request) => session.authed({ method: 'POST', path: '/api/me/keys', body: request, schema: UserView }),
    // The server ends every token issued so far; the session it answers with carries on here.
    changePassword: async (request) =>
      session.start(await session.authed({ method: 'POST', path: '/api/me/password', body: request, schema: Session })),
    async sessions() {
      const list = await session.authed({ method: 'GET', path: '/api/me/sessions', schema: z.array(SessionView) });
      // Read after the call: a renewal on the way changes this client's token.
      const mine = session.current()?.refreshToken;
      const hint = mine ? await tokenHint(mine) : '';
      return list.map((s) => ({ ...s, current: s.tokenHint === hint }));
    },
    async endSession(id) {
      await session.authed({
        method: 'DELETE',
        path: `/api/me/sessions/${encodeURIComponent(id)}`,
        schema: z.object({ ok: z.literal(true) }),
      });
    },
    startTotpSetup: async (input) =>
      session.authed({
        method: 'POST',
        path: '/api/me/totp/setup',
        body: { reauth: await prove(input) },
        schema: TotpSetupResponse,
      }),
    async confirmTotp(code) {
      const user = await session.authed({
        method: 'POST',
        path: '/api/me/totp/confirm',
        body: { code },
        schema: UserView,
      });
      session.updateUser(user);
      return user;
    },
  };
}
