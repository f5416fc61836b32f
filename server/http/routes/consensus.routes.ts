import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import { CreateProposal, ProposalView, TakePosition, WithdrawProposal } from '../../../shared/schemas/consensus.js';
import { propose, withdraw } from '../../modules/consensus/propose.js';
import { getProposal, listProposals } from '../../modules/consensus/read-proposals.js';
import { takePosition } from '../../modules/consensus/take-position.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

export function consensusRoutes({ router, registry, consensus, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/proposals',
    auth: authn,
    tag: 'consensus',
    summary: "Proposals for network-wide decisions, newest first, with each state's position (admins).",
    response: z.array(ProposalView),
    errors: [401, 403],
    handler: async ({ req }) => listProposals(consensus, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/proposals',
    auth: authn,
    tag: 'consensus',
    summary: 'The secretariat proposes a network-wide decision (silence procedure or unanimity) to the member states.',
    body: CreateProposal,
    response: ProposalView,
    status: 201,
    errors: [400, 401, 403],
    handler: async ({ body, req }) => propose(consensus, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/proposals/:id',
    auth: authn,
    tag: 'consensus',
    summary: 'One proposal, settled first if its deadline has passed.',
    params: IdParams,
    response: ProposalView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => getProposal(consensus, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/proposals/:id/position',
    auth: authn,
    tag: 'consensus',
    summary:
      "A national admin gives their state's position (approve or object); an objection, or the last approval, ends the proposal at once.",
    params: IdParams,
    body: TakePosition,
    response: ProposalView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => takePosition(consensus, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/proposals/:id/withdraw',
    auth: authn,
    tag: 'consensus',
    summary: 'The secretariat withdraws an open proposal; nothing changes.',
    params: IdParams,
    // Optional: clients from before the reason post no body at all.
    body: WithdrawProposal.optional(),
    response: ProposalView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => withdraw(consensus, await authn.actor(req), params.id, body),
  });
}
