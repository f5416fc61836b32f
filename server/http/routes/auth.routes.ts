import { z } from 'zod';
import {
  RefreshRequest,
  Session,
  SignInFinishRequest,
  SignInRequest,
  SignInStartRequest,
  SignInStartResponse,
  SignOutRequest,
} from '../../../shared/schemas/accounts.js';
import {
  finishSignIn,
  refreshSession,
  signInWithPassword,
  signOut,
  startSignIn,
} from '../../modules/accounts/sessions.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function authRoutes({ router, registry, accounts, authn, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/api/auth/sign-in/start',
    tag: 'auth',
    summary:
      'Sign in, first step: OPAQUE (RFC 9807) KE1 in, KE2 out; the password never leaves the client. An unknown username gets a fake answer of the same shape. Counts as a failed sign-in until the finish succeeds.',
    body: SignInStartRequest,
    response: SignInStartResponse,
    errors: [400, 429],
    handler: async ({ body, req, res }) => {
      // Counted now, before anything is evaluated, and forgiven at a successful finish: a flow
      // started and never finished counts as a failure, and a burst of starts gets no more flows than allowed.
      await limits.consumeSignInAttempt(req, res, body.username);
      return startSignIn(accounts, body);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/auth/sign-in/finish',
    tag: 'auth',
    summary:
      'Sign in, second step: OPAQUE KE3 (the proof the client knows the password) and, when enrolled, a TOTP code. Each flow finishes once.',
    body: SignInFinishRequest,
    response: Session,
    errors: [400, 401, 429],
    handler: async ({ body, req }) => {
      const session = await finishSignIn(accounts, body, req.get('user-agent'));
      await limits.signInSucceeded(req, session.user.username);
      return session;
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/auth/sign-in',
    tag: 'auth',
    summary:
      'Only for accounts made before OPAQUE, once: sign in with the password itself, then upgrade (`/api/me/upgrade`). Refused for every account that has an OPAQUE record.',
    body: SignInRequest,
    response: Session,
    errors: [400, 401, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeSignInAttempt(req, res, body.username);
      const session = await signInWithPassword(accounts, body, req.get('user-agent'));
      await limits.signInSucceeded(req, body.username);
      return session;
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/auth/refresh',
    tag: 'auth',
    summary: 'Exchange a refresh token for a new session; each refresh token works once.',
    body: RefreshRequest,
    response: Session,
    errors: [400, 401],
    handler: ({ body }) => refreshSession(accounts, body.refreshToken),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/auth/sign-out',
    auth: authn,
    tag: 'auth',
    summary:
      'End this session at once: its refresh tokens stop working, its access tokens are refused and its sockets close.',
    body: SignOutRequest,
    response: z.object({ ok: z.literal(true) }),
    errors: [401],
    handler: async ({ body, req }) => {
      await signOut(accounts, await authn.actor(req), body.refreshToken, authn.sessionId(req));
      return { ok: true as const };
    },
  });
}
