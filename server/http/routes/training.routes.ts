import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import {
  AcceptTrainingInput,
  CentreInput,
  CentreList,
  CentreQuery,
  CentreView,
  DeclineTrainingInput,
  PlannedEventInput,
  TrainingRequestInput,
  TrainingRequestList,
  TrainingRequestQuery,
  TrainingRequestView,
} from '../../../shared/schemas/training.js';
import {
  confirmCentre,
  createCentre,
  listCentres,
  readCentre,
  removeCentre,
  updateCentre,
} from '../../modules/training/centres.js';
import { recordPlannedEvent } from '../../modules/training/record-planned-event.js';
import {
  acceptTrainingRequest,
  declineTrainingRequest,
  listTrainingRequests,
  readTrainingRequest,
  sendTrainingRequest,
  withdrawTrainingRequest,
} from '../../modules/training/training-requests.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

/** Centres of Excellence (everyone reads; a state's national admins describe its own) and training requests between states. */
export function trainingRoutes({ router, registry, training, authn }: RouteContext): void {
  const tag = 'training';

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/centres',
    auth: authn,
    tag,
    summary: 'Centres of Excellence, filtered by domain, subject (a tag, any case), language or state.',
    query: CentreQuery,
    response: CentreList,
    errors: [400, 401, 403],
    handler: async ({ query, req }) => listCentres(training, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/centres',
    auth: authn,
    tag,
    summary: "A state's national admin (or the secretariat) adds a Centre of Excellence of the state.",
    body: CentreInput,
    response: CentreView,
    status: 201,
    errors: [400, 401, 403, 409],
    handler: async ({ body, req }) => createCentre(training, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/centres/:id',
    auth: authn,
    tag,
    summary: 'One Centre of Excellence.',
    params: IdParams,
    response: CentreView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) => readCentre(training, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/centres/:id',
    auth: authn,
    tag,
    summary: "Replaces a centre's description (its state stays); saving confirms it as current.",
    params: IdParams,
    body: CentreInput,
    response: CentreView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => updateCentre(training, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/centres/:id/confirm',
    auth: authn,
    tag,
    summary: 'Confirms a centre as still current (resets its freshness).',
    params: IdParams,
    response: CentreView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) => confirmCentre(training, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/centres/:id',
    auth: authn,
    tag,
    summary: 'Removes a centre (requests that named it keep its id).',
    params: IdParams,
    response: z.object({ removed: z.literal(true) }),
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) => {
      await removeCentre(training, await authn.actor(req), params.id);
      return { removed: true as const };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/training-requests',
    auth: authn,
    tag,
    summary:
      "Training requests of the caller's state: incoming (to host), outgoing (asked for) or all; the secretariat sees every request.",
    query: TrainingRequestQuery,
    response: TrainingRequestList,
    errors: [400, 401, 403],
    handler: async ({ query, req }) => listTrainingRequests(training, await authn.actor(req), query.box),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/training-requests',
    auth: authn,
    tag,
    summary:
      'A national admin asks another state (optionally one of its centres) to host a training; the host must take part in the domain.',
    body: TrainingRequestInput,
    response: TrainingRequestView,
    status: 201,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ body, req }) => sendTrainingRequest(training, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/training-requests/:id',
    auth: authn,
    tag,
    summary: "One training request: for the two states' admins and the secretariat (404 for anyone else).",
    params: IdParams,
    response: TrainingRequestView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) => readTrainingRequest(training, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/training-requests/:id/accept',
    auth: authn,
    tag,
    summary: "The host state's national admin accepts, optionally proposing a period and format.",
    params: IdParams,
    body: AcceptTrainingInput,
    response: TrainingRequestView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => acceptTrainingRequest(training, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/training-requests/:id/decline',
    auth: authn,
    tag,
    summary: "The host state's national admin declines, with a reason.",
    params: IdParams,
    body: DeclineTrainingInput,
    response: TrainingRequestView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => declineTrainingRequest(training, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/training-requests/:id/withdraw',
    auth: authn,
    tag,
    summary: "The requesting state's national admin withdraws a request the host has not answered.",
    params: IdParams,
    response: TrainingRequestView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, req }) => withdrawTrainingRequest(training, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/training-requests/:id/planned',
    auth: authn,
    tag,
    summary: "The host's national admin records the calendar event an accepted request became (status planned).",
    params: IdParams,
    body: PlannedEventInput,
    response: TrainingRequestView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) =>
      recordPlannedEvent(training, await authn.actor(req), params.id, body.eventId),
  });
}
