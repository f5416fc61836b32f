import { z } from 'zod';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import { CryptoError } from '../../shared/crypto/errors.js';
import { unwrapWithExportKey, wrapWithExportKey } from '../../shared/crypto/key-wrap.js';
import type { UserKeys } from '../../shared/crypto/keys.js';
import { AnyStoredWrappedKeys, LegacyStoredWrappedKeys } from '../../shared/crypto/wrapped-keys-format.js';
import {
  RegistrationStartResponse,
  Session,
  SignInStartResponse,
  UserView,
  type SignInRequest,
} from '../../shared/schemas/accounts.js';
import { ApiError, isApiError } from './api-error.js';
import type { ExportKeyHolder } from './export-key-holder.js';
import type { HttpTransport } from './http-transport.js';
import type { KeyCrypto } from './key-crypto.js';
import type { KeyStore } from './key-store.js';
import { stretchingFor, type OpaqueClient } from './opaque-client.js';
import type { SessionManager } from './session-manager.js';
import type { StoredSession } from './session-store.js';

/** What a client may insist on at sign-in, against a server that is not the one it should be. */
export interface SignInPolicy {
  /** OPAQUE's server public key (`npx @serenity-kit/opaque get-server-public-key <setup>`): a login answered under another key is refused. */
  opaqueServerKey?: string | undefined;
  /**
   * Whether to send the password once when the server says the account was made before OPAQUE
   * (default true while accounts are being upgraded). A server that lies about it would learn the
   * password: clients of a network whose accounts are all upgraded set this to false.
   */
  allowPasswordUpgrade?: boolean | undefined;
}

export interface SignInDeps {
  policy?: SignInPolicy;
  opaque: OpaqueClient;
  transport: HttpTransport;
  session: SessionManager;
  keyStore: KeyStore;
  keyCrypto: KeyCrypto;
  exportKeys: ExportKeyHolder;
}

const wrongCredentials = (): ApiError => new ApiError(401, 'auth.invalid-credentials', 'wrong username or password');

/** A KE3 of the right size that proves nothing: sent when the password did not open the server's answer. */
export function refusedProof(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(64)));
}

/**
 * Signs in by OPAQUE: the password stays here; the server learns only that the client knew it.
 * The export key is held in memory so `unlockKeys` needs no second proof. An account made before
 * OPAQUE is signed in once by password and upgraded at once (its keys re-wrapped under the export key).
 */
export async function opaqueSignIn(deps: SignInDeps, input: SignInRequest): Promise<StoredSession> {
  const login = await deps.opaque.startLogin(input.password);
  const started = await deps.transport.send({
    method: 'POST',
    path: '/api/auth/sign-in/start',
    body: { username: input.username, startLoginRequest: login.startLoginRequest },
    schema: SignInStartResponse,
  });
  if (started.upgrade) {
    if (deps.policy?.allowPasswordUpgrade === false)
      throw new ApiError(
        409,
        'auth.upgraded',
        'the server asks for the password itself, which this client does not send',
      );
    return signInAndUpgrade(deps, input);
  }
  // A wrong password or an unknown name fails here, before anything more is sent.
  const opened = await login.finish(started.loginResponse, started.stretching);
  const pinned = deps.policy?.opaqueServerKey;
  if (opened && pinned && opened.serverStaticPublicKey !== pinned)
    throw new ApiError(
      0,
      'client.bad-response',
      'the server answered under another OPAQUE key than the one this client trusts',
    );
  const finished = opened;
  // A wrong password (or unknown name) cannot make a valid proof; a random one is sent instead, so
  // the server refuses, audits and counts the attempt as it did when it saw passwords.
  const session = await deps.transport.send({
    method: 'POST',
    path: '/api/auth/sign-in/finish',
    body: {
      flowId: started.flowId,
      finishLoginRequest: finished?.finishLoginRequest ?? refusedProof(),
      ...(input.totp ? { totp: input.totp } : {}),
    },
    schema: Session,
  });
  if (!finished) throw wrongCredentials(); // a server that accepted a random proof is not to be trusted
  await deps.exportKeys.hold(session.user.username, finished.exportKey, input.password);
  finished.exportKey.fill(0);
  if (deps.keyStore.get()?.username !== session.user.username) deps.keyStore.clear();
  return deps.session.start(session);
}

/** The one time an old account sends its password: then it registers OPAQUE and the password route closes to it. */
async function signInAndUpgrade(deps: SignInDeps, input: SignInRequest): Promise<StoredSession> {
  const session = deps.session.start(
    await deps.transport.send({ method: 'POST', path: '/api/auth/sign-in', body: input, schema: Session }),
  );
  const username = session.user.username;
  const wrapped = LegacyStoredWrappedKeys.parse(
    await deps.session.authed({ method: 'GET', path: '/api/me/wrapped-keys', schema: AnyStoredWrappedKeys }),
  );
  const keys = await deps.keyCrypto.unwrapWithPassphrase(wrapped.passphrase, input.password, username);
  const registration = await deps.opaque.startRegistration(input.password);
  const started = await deps.session.authed({
    method: 'POST',
    path: '/api/me/upgrade/start',
    body: { registrationRequest: registration.registrationRequest },
    schema: RegistrationStartResponse,
  });
  const stretching = stretchingFor();
  const { registrationRecord, exportKey } = await registration.finish(started.registrationResponse, stretching);
  const wrappedKeys = await wrapWithExportKey(keys, exportKey, username);
  const user = await deps.session.authed({
    method: 'POST',
    path: '/api/me/upgrade',
    body: { opaque: { flowId: started.flowId, registrationRecord, stretching }, wrappedKeys },
    schema: UserView,
  });
  deps.session.updateUser(user);
  await deps.exportKeys.hold(username, exportKey, input.password);
  exportKey.fill(0);
  deps.keyStore.set({ username, keys });
  return deps.session.current() ?? session;
}

/**
 * The export key for the signed-in person: held since sign-in, or proven again by an OPAQUE login
 * (`/api/me/unlock`, no new session) when this process has none (e.g. after a reload).
 */
export async function exportKeyFor(deps: SignInDeps, username: string, password: string): Promise<Uint8Array> {
  const held = await deps.exportKeys.get(username, password);
  if (held) return held;
  const login = await deps.opaque.startLogin(password);
  const started = await deps.session.authed({
    method: 'POST',
    path: '/api/me/unlock/start',
    body: { startLoginRequest: login.startLoginRequest },
    schema: SignInStartResponse,
  });
  const finished = await login.finish(started.loginResponse, started.stretching);
  try {
    await deps.session.authed({
      method: 'POST',
      path: '/api/me/unlock',
      body: { flowId: started.flowId, finishLoginRequest: finished?.finishLoginRequest ?? refusedProof() },
      schema: z.object({ ok: z.literal(true) }),
    });
  } catch (error) {
    if (isApiError(error, 'password.wrong')) throw new CryptoError('crypto.wrong-passphrase');
    throw error;
  }
  if (!finished) throw new CryptoError('crypto.wrong-passphrase');
  await deps.exportKeys.hold(username, finished.exportKey, password);
  return finished.exportKey;
}

/** Unwraps the stored blob with the export key; the result must be the keys the directory publishes. */
export async function openWithExportKey(
  wrapped: AnyStoredWrappedKeys,
  exportKey: Uint8Array,
  user: { username: string; keys: { identityKey: string } | null },
): Promise<UserKeys> {
  if (!('exportKey' in wrapped))
    throw new CryptoError('crypto.malformed', 'this account is upgraded at its next sign-in: sign in again');
  const keys = await unwrapWithExportKey(wrapped.exportKey, exportKey, user.username);
  if (user.keys && user.keys.identityKey !== toBase64Url(keys.identity.publicKey)) {
    throw new CryptoError('crypto.malformed', 'the unwrapped keys are not the ones published for this account');
  }
  return keys;
}
