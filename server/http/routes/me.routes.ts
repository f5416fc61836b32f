import { z } from 'zod';
import { AnyStoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import {
  AuditEntryView,
  ChangePasswordRequest,
  ChangePasswordStartRequest,
  ChangePasswordStartResponse,
  NewRecoveryKeyRequest,
  RegistrationStartResponse,
  SignInStartResponse,
  UnlockFinishRequest,
  UnlockStartRequest,
  UpgradeRequest,
  UpgradeStartRequest,
  ListAuditQuery,
  RegisterResponse,
  RotateKeysRequest,
  Session,
  SessionIdParams,
  SessionView,
  TotpConfirmRequest,
  TotpSetupRequest,
  TotpSetupResponse,
  UserView,
} from '../../../shared/schemas/accounts.js';
import { changePassword, startPasswordChange } from '../../modules/accounts/change-password.js';
import { finishUpgrade, startUpgrade } from '../../modules/accounts/upgrade-to-opaque.js';
import { finishUnlock, startUnlock } from '../../modules/accounts/unlock-keys.js';
import { replaceRecoveryKey } from '../../modules/accounts/recovery-key.js';
import { endMySession, mySessions } from '../../modules/accounts/my-sessions.js';
import { confirmTotp, me, myWrappedKeys, rotateKeys, startTotpSetup } from '../../modules/accounts/self-service.js';
import { reauthenticate } from '../../modules/accounts/reauthenticate.js';
import { readAudit } from '../../modules/audit/read-audit.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function meRoutes({ router, registry, accounts, authn, auditEntries, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/me',
    auth: authn,
    tag: 'me',
    summary: 'The signed-in person, and while pending verification the admins who will verify them.',
    response: RegisterResponse,
    errors: [401],
    handler: async ({ req }) => me(accounts, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/me/wrapped-keys',
    auth: authn,
    tag: 'me',
    summary:
      "The private keys as wrapped in the browser (under OPAQUE's export key and the recovery key), to unlock them in another browser.",
    response: AnyStoredWrappedKeys,
    errors: [401, 404],
    handler: async ({ req }) => AnyStoredWrappedKeys.parse(await myWrappedKeys(accounts, await authn.actor(req))),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/keys',
    auth: authn,
    tag: 'me',
    summary:
      'Replace your keys; the account needs verification again and all sessions end. Asks the password proven now (an OPAQUE login from /api/me/unlock/start) and, once enrolled, the current authenticator code.',
    body: RotateKeysRequest,
    response: UserView,
    errors: [400, 401, 409],
    handler: async ({ body, req }) => {
      const actor = await authn.actor(req);
      await reauthenticate(accounts, actor, body.reauth);
      await limits.signInSucceeded(req, actor.username);
      return rotateKeys(accounts, actor, body.keys, body.wrappedKeys);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/password/start',
    auth: authn,
    tag: 'me',
    summary:
      'Change your password, first step: an OPAQUE login with the current password and a registration of the new one. Counts as a failed sign-in until the change succeeds.',
    body: ChangePasswordStartRequest,
    response: ChangePasswordStartResponse,
    errors: [400, 401, 409, 429],
    handler: async ({ body, req, res }) => {
      const actor = await authn.actor(req);
      // Guessing the current password here counts as guessing it at sign-in.
      await limits.consumeSignInAttempt(req, res, actor.username);
      return startPasswordChange(accounts, actor, body);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/password',
    auth: authn,
    tag: 'me',
    summary:
      "Change your password: the current one proven (OPAQUE login finish), the new one's record, your keys wrapped under its export key; other sessions end, this one continues with the session returned.",
    body: ChangePasswordRequest,
    response: Session,
    errors: [400, 401, 429],
    handler: async ({ body, req }) => {
      const actor = await authn.actor(req);
      const session = await changePassword(accounts, actor, body, req.get('user-agent'));
      await limits.signInSucceeded(req, actor.username);
      return session;
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/recovery-key',
    auth: authn,
    tag: 'me',
    summary:
      'A new recovery key, confirmed by typing part of it back: the keys wrapped under it replace the old recovery wrapping, so the old key stops working.',
    body: NewRecoveryKeyRequest,
    response: UserView,
    errors: [400, 401, 409],
    handler: async ({ body, req }) => replaceRecoveryKey(accounts, await authn.actor(req), body.recovery),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/unlock/start',
    auth: authn,
    tag: 'me',
    summary:
      'Keys locked while signed in: prove the password again (OPAQUE KE1 → KE2); the client derives the key that unwraps them. Counts as a failed sign-in until finished.',
    body: UnlockStartRequest,
    response: SignInStartResponse,
    errors: [400, 401, 409, 429],
    handler: async ({ body, req, res }) => {
      const actor = await authn.actor(req);
      await limits.consumeSignInAttempt(req, res, actor.username);
      return startUnlock(accounts, actor, body.startLoginRequest);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/unlock',
    auth: authn,
    tag: 'me',
    summary: 'Finish the password proof (OPAQUE KE3); no new session.',
    body: UnlockFinishRequest,
    response: z.object({ ok: z.literal(true) }),
    errors: [400, 401],
    handler: async ({ body, req }) => {
      const actor = await authn.actor(req);
      await finishUnlock(accounts, actor, body);
      await limits.signInSucceeded(req, actor.username);
      return { ok: true as const };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/upgrade/start',
    auth: authn,
    tag: 'me',
    summary:
      'An account made before OPAQUE, just signed in by password: the OPAQUE registration of the same password, first step.',
    body: UpgradeStartRequest,
    response: RegistrationStartResponse,
    errors: [400, 401, 409],
    handler: async ({ body, req }) => startUpgrade(accounts, await authn.actor(req), body.registrationRequest),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/upgrade',
    auth: authn,
    tag: 'me',
    summary:
      'Store the OPAQUE record and the keys re-wrapped under its export key; the password hash is forgotten and the password route refuses the account from then on.',
    body: UpgradeRequest,
    response: UserView,
    errors: [400, 401, 409],
    handler: async ({ body, req }) =>
      finishUpgrade(accounts, await authn.actor(req), { ...body.opaque, wrappedKeys: body.wrappedKeys }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/me/sessions',
    auth: authn,
    tag: 'me',
    summary:
      'Your sessions that can still be renewed: when each signed in, was last renewed, and from which browser or program.',
    response: z.array(SessionView),
    errors: [401],
    handler: async ({ req }) => mySessions(accounts, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/me/sessions/:id',
    auth: authn,
    tag: 'me',
    summary: 'End one of your sessions at once (e.g. a browser left signed in elsewhere).',
    params: SessionIdParams,
    response: z.object({ ok: z.literal(true) }),
    errors: [400, 401, 404],
    handler: async ({ params, req }) => {
      await endMySession(accounts, await authn.actor(req), params.id);
      return { ok: true as const };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/totp/setup',
    auth: authn,
    tag: 'me',
    summary:
      'Start authenticator (TOTP) enrolment, or replace the authenticator: a secret and an otpauth:// URL for a QR code. Asks the password proven now (an OPAQUE login from /api/me/unlock/start) and, once enrolled, the current code.',
    body: TotpSetupRequest,
    response: TotpSetupResponse,
    errors: [400, 401],
    handler: async ({ body, req }) => {
      const actor = await authn.actor(req);
      await reauthenticate(accounts, actor, body.reauth);
      await limits.signInSucceeded(req, actor.username);
      return startTotpSetup(accounts, actor);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/totp/confirm',
    auth: authn,
    tag: 'me',
    summary: 'Finish enrolment with a code from the app; from then on sign-in asks for a code.',
    body: TotpConfirmRequest,
    response: UserView,
    errors: [400, 401, 409],
    handler: async ({ body, req }) => confirmTotp(accounts, await authn.actor(req), body.code),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/audit',
    auth: authn,
    tag: 'audit',
    summary: "The audit trail: your state's (national admins) or the whole network's (network admins).",
    query: ListAuditQuery,
    response: z.array(AuditEntryView),
    errors: [400, 401, 403],
    handler: async ({ query, req }) => readAudit(auditEntries, await authn.actor(req), query),
  });
}
