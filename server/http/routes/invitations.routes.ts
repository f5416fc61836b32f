import { z } from 'zod';
import {
  CreateInvitationRequest,
  CreatedInvitation,
  Id,
  InvitationPreview,
  InvitationPreviewRequest,
  InvitationView,
  RegisterRequest,
  RegisterResponse,
  RegistrationStartRequest,
  RegistrationStartResponse,
} from '../../../shared/schemas/accounts.js';
import {
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from '../../modules/accounts/invitations.js';
import { register, startRegistration } from '../../modules/accounts/register.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

export function invitationRoutes({ router, registry, accounts, authn, limits }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/api/invitations',
    auth: authn,
    tag: 'invitations',
    summary:
      'Invite a national admin or a further network admin, without a state (network admins), or a focal point of your state (national admins). The token is shown once.',
    body: CreateInvitationRequest,
    response: CreatedInvitation,
    status: 201,
    errors: [400, 401, 403, 409],
    handler: async ({ body, req }) => createInvitation(accounts, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/invitations',
    auth: authn,
    tag: 'invitations',
    summary: 'Invitations you may see, with their status (open, used, revoked, expired).',
    response: z.array(InvitationView),
    errors: [401, 403],
    handler: async ({ req }) => listInvitations(accounts, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/invitations/:id',
    auth: authn,
    tag: 'invitations',
    summary: 'Revoke an open invitation.',
    params: IdParams,
    response: InvitationView,
    errors: [401, 403, 404, 409],
    handler: async ({ params, req }) => revokeInvitation(accounts, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/invitations/preview',
    tag: 'invitations',
    summary: 'What an invitation token is for, before registering (token in the body, never in a URL).',
    body: InvitationPreviewRequest,
    response: InvitationPreview,
    errors: [400, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return previewInvitation(accounts, body.token);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/registrations/start',
    tag: 'invitations',
    summary:
      'Registration, first step: the OPAQUE registration response for this username (the password never leaves the client).',
    body: RegistrationStartRequest,
    response: RegistrationStartResponse,
    errors: [400, 409, 410, 429],
    handler: async ({ body, req, res }) => {
      await limits.consumeInvitationAttempt(req, res);
      return startRegistration(accounts, body);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/registrations',
    tag: 'invitations',
    summary:
      "Redeem an invitation: the OPAQUE registration record, public keys and the private keys wrapped in the client under OPAQUE's export key and the recovery key.",
    body: RegisterRequest,
    response: RegisterResponse,
    status: 201,
    errors: [400, 401, 409, 410],
    // Not counted again: it needs the flow the counted start sealed, which nobody can guess.
    handler: async ({ body }) => register(accounts, body),
  });
}
