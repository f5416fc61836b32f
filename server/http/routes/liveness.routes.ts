import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import { LivenessCheckView, LivenessPrompt, StartLivenessCheck } from '../../../shared/schemas/liveness.js';
import { getLivenessCheck, listLivenessChecks } from '../../modules/liveness/read-liveness-checks.js';
import { answerLivenessCheck, openPrompts, startLivenessCheck } from '../../modules/liveness/run-liveness-check.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

export function livenessRoutes({ router, registry, liveness, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/api/liveness-checks',
    auth: authn,
    tag: 'liveness',
    summary: 'Start a liveness check: every active focal point in scope is prompted in real time.',
    body: StartLivenessCheck,
    response: z.object({ id: Id, targets: z.number().int() }),
    status: 201,
    errors: [400, 401, 403],
    handler: async ({ body, req }) => startLivenessCheck(liveness, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/liveness-checks',
    auth: authn,
    tag: 'liveness',
    summary: 'History of liveness checks with results per state (answered, late, none; median response time).',
    response: z.array(LivenessCheckView),
    errors: [401, 403],
    handler: async ({ req }) => listLivenessChecks(liveness, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/liveness-checks/pending',
    auth: authn,
    tag: 'liveness',
    summary: 'Prompts waiting for your answer (the socket delivers them too).',
    response: z.array(LivenessPrompt),
    errors: [401],
    handler: async ({ req }) => openPrompts(liveness, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/liveness-checks/:id',
    auth: authn,
    tag: 'liveness',
    summary: "One check with every prompted focal point's outcome.",
    params: IdParams,
    response: LivenessCheckView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => getLivenessCheck(liveness, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/liveness-checks/:id/ack',
    auth: authn,
    tag: 'liveness',
    summary: "Answer a prompt with your identity key's signature (same as the liveness:ack socket event).",
    params: IdParams,
    body: z.object({ signature: z.string().max(128) }).strict(),
    response: z.object({ outcome: z.enum(['answered', 'late']) }),
    errors: [400, 401, 404],
    handler: async ({ params, body, req }) =>
      answerLivenessCheck(liveness, await authn.actor(req), params.id, body.signature),
  });
}
