import { z } from 'zod';
import {
  DualControlParams,
  DualControlRequestView,
  ListDualControlQuery,
  RefuseDualControlRequest,
} from '../../../shared/schemas/dual-control.js';
import { approve, cancel, refuse } from '../../modules/dual-control/decide.js';
import { getRequest, listRequests } from '../../modules/dual-control/read-requests.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function dualControlRoutes({ router, registry, dualControl, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/dual-control',
    auth: authn,
    tag: 'dual-control',
    summary:
      "Actions that wait for a second approver (activating, suspending or removing a national admin): the secretariat sees all, a national admin their state's. Pending ones by default.",
    query: ListDualControlQuery,
    response: z.array(DualControlRequestView),
    errors: [400, 401, 403],
    handler: async ({ query, req }) => listRequests(dualControl, await authn.actor(req), query.status),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/dual-control/:id',
    auth: authn,
    tag: 'dual-control',
    summary: 'One request, for the secretariat, the person who asked, or a national admin of its state.',
    params: DualControlParams,
    response: DualControlRequestView,
    errors: [401, 404],
    handler: async ({ params, req }) => getRequest(dualControl, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/dual-control/:id/approve',
    auth: authn,
    tag: 'dual-control',
    summary:
      'The second approval (another secretariat member, or an active national admin of the subject’s state): everything is checked again and the action is carried out.',
    params: DualControlParams,
    response: DualControlRequestView,
    errors: [401, 403, 404, 409, 410],
    handler: async ({ params, req }) => approve(dualControl, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/dual-control/:id/refuse',
    auth: authn,
    tag: 'dual-control',
    summary: 'An eligible second person refuses, with a reason; nothing is done.',
    params: DualControlParams,
    body: RefuseDualControlRequest,
    response: DualControlRequestView,
    errors: [401, 403, 404, 409, 410],
    handler: async ({ params, body, req }) => refuse(dualControl, await authn.actor(req), params.id, body.reason),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/dual-control/:id/cancel',
    auth: authn,
    tag: 'dual-control',
    summary: 'The person who took the first step withdraws it.',
    params: DualControlParams,
    response: DualControlRequestView,
    errors: [401, 403, 404, 409, 410],
    handler: async ({ params, req }) => cancel(dualControl, await authn.actor(req), params.id),
  });
}
