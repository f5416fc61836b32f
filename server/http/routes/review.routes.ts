import { ImplementationReview, ReviewQuery } from '../../../shared/schemas/review.js';
import { implementationReview } from '../../modules/review/implementation-review.js';
import { logKeyHistory } from '../../modules/server-keys/server-keys.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function reviewRoutes({ router, registry, auditEntries, auditLog, accounts, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/review',
    auth: authn,
    tag: 'audit',
    summary:
      "The annual implementation review from the audit trail (metadata counts, with a verdict on the trail): your state's (national admins), a state's or the network's (network admins).",
    query: ReviewQuery,
    response: ImplementationReview,
    errors: [400, 401, 403],
    handler: async ({ query, req }) =>
      implementationReview(
        {
          auditEntries,
          audit: accounts.audit,
          clock: accounts.clock,
          logKeys: async () => (await logKeyHistory(await auditLog.keyGenerations.all(), auditLog.key.publicKey)).keys,
        },
        await authn.actor(req),
        query,
      ),
  });
}
