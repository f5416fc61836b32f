import { z } from 'zod';
import { StateCode } from '../../../shared/schemas/labels.js';
import {
  LivenessScheduleInput,
  LivenessSchedulesView,
  LivenessScheduleView,
} from '../../../shared/schemas/liveness-schedule.js';
import { readSchedules, removeStateSchedule, setStateSchedule } from '../../modules/liveness/liveness-schedules.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const StateParams = z.object({ state: StateCode });

/** Scheduled liveness checks. The network's schedule is set by consensus (POST /api/proposals, kind set-liveness-schedule). */
export function livenessScheduleRoutes({ router, registry, liveness, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/liveness-schedules',
    auth: authn,
    tag: 'liveness',
    summary: "The network's liveness schedule and the states' own, each with its next run and latest runs.",
    response: LivenessSchedulesView,
    errors: [401, 403],
    handler: async ({ req }) => readSchedules(liveness, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/liveness-schedules/:state',
    auth: authn,
    tag: 'liveness',
    summary: "A national admin sets or replaces their state's liveness schedule (its focal points only).",
    params: StateParams,
    body: LivenessScheduleInput,
    response: LivenessScheduleView,
    errors: [400, 401, 403],
    handler: async ({ params, body, req }) => setStateSchedule(liveness, await authn.actor(req), params.state, body),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/liveness-schedules/:state',
    auth: authn,
    tag: 'liveness',
    summary:
      "A national admin removes their state's liveness schedule (past runs stay in the history); answers the schedules left.",
    params: StateParams,
    response: LivenessSchedulesView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => {
      const actor = await authn.actor(req);
      await removeStateSchedule(liveness, actor, params.state);
      return readSchedules(liveness, actor);
    },
  });
}
