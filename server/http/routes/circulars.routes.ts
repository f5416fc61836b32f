import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import {
  CircularPreview,
  CircularPreviewInput,
  CircularReadResult,
  CircularSent,
  ReceivedCirculars,
  SendCircularInput,
  SentCircular,
  SentCirculars,
} from '../../../shared/schemas/circulars.js';
import { previewCircular } from '../../modules/circulars/preview-circular.js';
import {
  markCircularRead,
  receivedCirculars,
  sentCircular,
  sentCirculars,
} from '../../modules/circulars/read-circulars.js';
import { sendCircular } from '../../modules/circulars/send-circular.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const CircularParams = z.object({ id: Id });

/** Circulars: one sealed message from the secretariat or a national admin to an audience, with a read tally. */
export function circularRoutes({ router, registry, circulars, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/api/circulars/preview',
    auth: authn,
    tag: 'circulars',
    summary:
      'Who a circular would reach now (with their verified key bundles, to seal to) and the states left out by a disclosure policy, with why. Nothing is stored.',
    body: CircularPreviewInput,
    response: CircularPreview,
    errors: [403],
    handler: async ({ body, req }) => previewCircular(circulars, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/circulars',
    auth: authn,
    tag: 'circulars',
    summary:
      'Send a circular sealed to exactly the recipients the preview gave (409 circular.recipients-changed lists them anew: re-seal with the same msgId). Idempotent per msgId.',
    body: SendCircularInput,
    response: CircularSent,
    status: 201,
    errors: [403, 409, 413, 422],
    handler: async ({ body, req }) => sendCircular(circulars, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/circulars/received',
    auth: authn,
    tag: 'circulars',
    summary: 'The circulars addressed to me, unread first, each with the key bundle of its sender to verify it.',
    response: ReceivedCirculars,
    errors: [401],
    handler: async ({ req }) => receivedCirculars(circulars, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/circulars/sent',
    auth: authn,
    tag: 'circulars',
    summary:
      "Circulars sent (the secretariat: every one; a national admin: their state's), with the read tally per state and the states left out.",
    response: SentCirculars,
    errors: [403],
    handler: async ({ req }) => sentCirculars(circulars, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/circulars/sent/:id',
    auth: authn,
    tag: 'circulars',
    summary: "One sent circular's read tally, for its sender's side only.",
    params: CircularParams,
    response: SentCircular,
    errors: [403, 404],
    handler: async ({ params, req }) => sentCircular(circulars, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/circulars/:id/read',
    auth: authn,
    tag: 'circulars',
    summary: 'Mark a circular addressed to me read (recorded once; repeating it answers the first time).',
    params: CircularParams,
    response: CircularReadResult,
    errors: [404],
    handler: async ({ params, req }) => markCircularRead(circulars, await authn.actor(req), params.id),
  });
}
