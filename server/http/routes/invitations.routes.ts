import { z } from 'zod';
import { CreateInvitationRequest, CreatedInvitation, Id, InvitationPreview, InvitationPreviewRequest, InvitationView, RegisterRequest, RegisterResponse } from '../../../shared/schemas/accounts.js';
import { createInvitation, listInvitations, previewInvitation, revokeInvitation } from '../../modules/accounts/invitations.js';
import { register } from '../../modules/accounts/register.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

export function invitationRoutes({ router, registry, accounts, authn, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post', path: '/api/invitations', auth: authn, tag: 'invitations',
    summary: 'Invite a national admin (network admins) or a focal point of your state (national admins). The token is shown once.',
    body: CreateInvitationRequest, response: CreatedInvitation, status: 201, errors: [400, 401, 403, 409],
    handler: async ({ body, req }) => createInvitation(accounts, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get', path: '/api/invitations', auth: authn, tag: 'invitations',
    summary: 'Invitations you may see, with their status (open, used, revoked, expired).',
    response: z.array(InvitationView), errors: [401, 403],
    handler: async ({ req }) => listInvitations(accounts, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'delete', path: '/api/invitations/:id', auth: authn, tag: 'invitations',
    summary: 'Revoke an open invitation.',
    params: IdParams, response: InvitationView, errors: [401, 403, 404, 409],
    handler: async ({ params, req }) => revokeInvitation(accounts, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post', path: '/api/invitations/preview', tag: 'invitations',
    summary: 'What an invitation token is for, before registering (token in the body, never in a URL).',
    body: InvitationPreviewRequest, response: InvitationPreview, errors: [400, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return previewInvitation(accounts, body.token);
    },
  });

  defineRoute(router, registry, {
    method: 'post', path: '/api/registrations', tag: 'invitations',
    summary: 'Redeem an invitation: password, public keys and the client-wrapped private keys.',
    body: RegisterRequest, response: RegisterResponse, status: 201, errors: [400, 409, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return register(accounts, body);
    },
  });
}
