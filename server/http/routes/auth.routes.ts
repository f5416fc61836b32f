import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { RefreshRequest, Session, SignInRequest, SignOutRequest } from '../../../shared/schemas/accounts.js';
import { refreshSession, signIn, signOut } from '../../modules/accounts/sessions.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function authRoutes({ router, registry, accounts, authn, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post', path: '/api/auth/sign-in', tag: 'auth',
    summary: 'Sign in with username, password and (when enrolled) a TOTP code.',
    body: SignInRequest, response: Session, errors: [400, 401, 429],
    handler: async ({ body, req, res }) => {
      await limits.assertSignInAllowed(req, res, body.username);
      try {
        const session = await signIn(accounts, body, req.get('user-agent'));
        await limits.signInSucceeded(req, body.username);
        return session;
      } catch (error) {
        if (error instanceof AppError && (error.code === 'auth.invalid-credentials' || error.code === 'auth.totp-invalid')) {
          await limits.signInFailed(req, body.username);
        }
        throw error;
      }
    },
  });

  defineRoute(router, registry, {
    method: 'post', path: '/api/auth/refresh', tag: 'auth',
    summary: 'Exchange a refresh token for a new session; each refresh token works once.',
    body: RefreshRequest, response: Session, errors: [400, 401],
    handler: ({ body }) => refreshSession(accounts, body.refreshToken),
  });

  defineRoute(router, registry, {
    method: 'post', path: '/api/auth/sign-out', auth: authn, tag: 'auth',
    summary: 'End this session at once: its refresh tokens stop working, its access tokens are refused and its sockets close.',
    body: SignOutRequest, response: z.object({ ok: z.literal(true) }), errors: [401],
    handler: async ({ body, req }) => {
      await signOut(accounts, await authn.actor(req), body.refreshToken, authn.sessionId(req));
      return { ok: true as const };
    },
  });
}
