import { z } from 'zod';
import {
  CreatedInvitation,
  InvitationPreview,
  InvitationView,
  RegisterResponse,
  type CreateInvitationRequest,
  type RegisterRequest,
} from '../../../shared/schemas/accounts.js';
import type { HttpTransport } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

export interface InvitationsApi {
  /** Network admins invite national admins; national admins invite focal points of their state. The link is shown once. */
  create(input: z.input<typeof CreateInvitationRequest>): Promise<CreatedInvitation>;
  list(): Promise<InvitationView[]>;
  revoke(id: string): Promise<InvitationView>;
  /** What an invitation is for; needs no session. */
  preview(token: string): Promise<InvitationPreview>;
  /** Redeems an invitation with ready-made key material; `registerWithInvitation` makes it. */
  register(request: z.input<typeof RegisterRequest>): Promise<RegisterResponse>;
}

export function invitationsApi(transport: HttpTransport, session: SessionManager): InvitationsApi {
  return {
    create: (input) =>
      session.authed({ method: 'POST', path: '/api/invitations', body: input, schema: CreatedInvitation }),
    list: () => session.authed({ method: 'GET', path: '/api/invitations', schema: z.array(InvitationView) }),
    revoke: (id) =>
      session.authed({ method: 'DELETE', path: `/api/invitations/${encodeURIComponent(id)}`, schema: InvitationView }),
    preview: (token) =>
      transport.send({ method: 'POST', path: '/api/invitations/preview', body: { token }, schema: InvitationPreview }),
    register: (request) =>
      transport.send({ method: 'POST', path: '/api/registrations', body: request, schema: RegisterResponse }),
  };
}
