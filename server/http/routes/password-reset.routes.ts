import { z } from 'zod';
import { CompletePasswordReset, PasswordResetPreview, PasswordResetToken } from '../../../shared/schemas/accounts.js';
import { completePasswordReset, previewPasswordReset } from '../../modules/accounts/password-reset.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

/** The reset page's two calls: no session (the person cannot sign in); the token is in the body, never in a URL. */
export function passwordResetRoutes({ router, registry, accounts, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post', path: '/api/password-reset/preview', tag: 'auth',
    summary: 'Whose account a reset link is for, with their keys wrapped under the recovery key (useless without it).',
    body: PasswordResetToken, response: PasswordResetPreview, errors: [400, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return previewPasswordReset(accounts, body.token);
    },
  });

  defineRoute(router, registry, {
    method: 'post', path: '/api/password-reset', tag: 'auth',
    summary: 'Set a new password: the keys re-wrapped under it, signed by the identity key that the recovery key unlocked. Every session of the person ends.',
    body: CompletePasswordReset, response: z.object({ ok: z.literal(true) }), errors: [400, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      await completePasswordReset(accounts, body);
      return { ok: true as const };
    },
  });
}
