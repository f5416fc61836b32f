import { z } from 'zod';
import {
  CompletePasswordReset,
  PasswordResetPreview,
  PasswordResetStartRequest,
  PasswordResetToken,
  RegistrationStartResponse,
} from '../../../shared/schemas/accounts.js';
import {
  completePasswordReset,
  previewPasswordReset,
  startPasswordReset,
} from '../../modules/accounts/password-reset.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

/** The reset page's two calls: no session (the person cannot sign in); the token is in the body, never in a URL. */
export function passwordResetRoutes({ router, registry, accounts, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/api/password-reset/preview',
    tag: 'auth',
    summary: 'Whose account a reset link is for, with their keys wrapped under the recovery key (useless without it).',
    body: PasswordResetToken,
    response: PasswordResetPreview,
    errors: [400, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return previewPasswordReset(accounts, body.token);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/password-reset/start',
    tag: 'auth',
    summary: "The new password's OPAQUE registration, first step (the password never leaves the client).",
    body: PasswordResetStartRequest,
    response: RegistrationStartResponse,
    errors: [400, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return startPasswordReset(accounts, body);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/password-reset',
    tag: 'auth',
    summary:
      'Set a new password: its OPAQUE record and the keys re-wrapped under its export key, signed by the identity key that the recovery key unlocked. Every session of the person ends.',
    body: CompletePasswordReset,
    response: z.object({ ok: z.literal(true) }),
    errors: [400, 401, 410],
    // Not counted again: it needs the flow the counted start sealed for this link.
    handler: async ({ body }) => {
      await completePasswordReset(accounts, body);
      return { ok: true as const };
    },
  });
}
