import { z } from 'zod';
import { domainsOffering, REQUEST_KINDS, REQUEST_TEMPLATES } from '../../../shared/requests/templates.js';
import { listDomains } from '../../modules/directory/domains.js';
import {
  ListRequestsQuery,
  RequestCaseDetail,
  RequestCaseView,
  RequestParams,
  RequestStatistics,
  RequestTemplateView,
  StatisticsQuery,
} from '../../../shared/schemas/requests.js';
import { listOverdue, listRequests, readRequest } from '../../modules/requests/read-requests.js';
import { requestStatistics } from '../../modules/requests/request-statistics.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

/**
 * Request metadata. Requests and their steps are SENT as envelopes (POST /api/messages or
 * message:send, kinds request:*); their content is the envelopes' ciphertext.
 */
export function requestRoutes({ router, registry, requests, directory, authn }: RouteContext): void {
  // Fixed paths before /api/requests/:id.
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/requests/templates',
    auth: authn,
    tag: 'requests',
    summary:
      "Request types: fields (all encrypted), the network's domains offering each (default first), default category, EN/RU labels.",
    response: z.array(RequestTemplateView),
    errors: [401],
    handler: async ({ req }) => {
      const network = (await listDomains(directory.index, await authn.actor(req))).map((d) => d.code);
      return REQUEST_KINDS.map((kind) => ({
        ...REQUEST_TEMPLATES[kind],
        domains: domainsOffering(REQUEST_TEMPLATES[kind], network),
      })) as z.infer<typeof RequestTemplateView>[];
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/requests/statistics',
    auth: authn,
    tag: 'requests',
    summary:
      'Per state and domain, without content: sent, received, median time to acknowledge and answer, overdue (national admins: own state; network admins: all).',
    query: StatisticsQuery,
    response: RequestStatistics,
    errors: [400, 401, 403],
    handler: async ({ query, req }) => requestStatistics(requests, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/requests/overdue',
    auth: authn,
    tag: 'requests',
    summary: 'Requests to your state past their deadline unanswered (national admins).',
    response: z.array(RequestCaseView),
    errors: [401, 403],
    handler: async ({ req }) => listOverdue(requests, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/requests',
    auth: authn,
    tag: 'requests',
    summary: 'Your requests, received (inbox) or sent (outbox), newest first (focal points).',
    query: ListRequestsQuery,
    response: z.array(RequestCaseView),
    errors: [400, 401, 403],
    handler: async ({ query, req }) => listRequests(requests, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/requests/:id',
    auth: authn,
    tag: 'requests',
    summary:
      'One request case with its steps (metadata and message ids), for its two focal points and their national admins.',
    params: RequestParams,
    response: RequestCaseDetail,
    errors: [400, 401, 404],
    handler: async ({ params, req }) => readRequest(requests, await authn.actor(req), params.id),
  });
}
