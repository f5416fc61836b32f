import { z } from 'zod';
import {
  ApprovalParams,
  ApprovalView,
  ApproveRequest,
  ListApprovalsQuery,
  RejectRequest,
} from '../../../shared/schemas/approvals.js';
import { HeldEnvelopeView } from '../../../shared/schemas/approvers.js';
import { heldEnvelope } from '../../modules/messaging/held-envelope.js';
import { approveExchange, listApprovals, rejectExchange } from '../../modules/policies/approvals.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function approvalRoutes({ router, registry, policies, messaging, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/approvals',
    auth: authn,
    tag: 'approvals',
    summary: "Exchanges held by your state's policy (national admins); pending ones by default.",
    query: ListApprovalsQuery,
    response: z.array(ApprovalView),
    errors: [400, 401, 403],
    handler: async ({ query, req }) => listApprovals(policies, await authn.actor(req), query.status),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/approvals/:id/envelope',
    auth: authn,
    tag: 'approvals',
    summary:
      "The held exchange's ciphertext envelope, for a national admin who may decide on it and to whom the sender sealed a key; open it with your keys.",
    params: ApprovalParams,
    response: HeldEnvelopeView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) => heldEnvelope(messaging, policies, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/approvals/:id/approve',
    auth: authn,
    tag: 'approvals',
    summary: 'Approve for your state; the exchange is released once every holding state approved.',
    params: ApprovalParams,
    body: ApproveRequest,
    response: ApprovalView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) =>
      approveExchange(policies, await authn.actor(req), params.id, body.comment),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/approvals/:id/reject',
    auth: authn,
    tag: 'approvals',
    summary: 'Reject, saying why: the exchange is not delivered and the sender is told.',
    params: ApprovalParams,
    body: RejectRequest,
    response: ApprovalView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => rejectExchange(policies, await authn.actor(req), params.id, body.comment),
  });
}
