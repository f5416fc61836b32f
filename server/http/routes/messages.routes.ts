import { z } from 'zod';
import {
  AckInput,
  BacklogPage,
  DeliveredMessage,
  HistoryQuery,
  SendMessageInput,
  SendMessageResult,
} from '../../../shared/schemas/messaging.js';
import { acknowledge, fetchBacklog } from '../../modules/messaging/receive-messages.js';
import { messageHistory } from '../../modules/messaging/message-history.js';
import { sendMessage } from '../../modules/messaging/send-message.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

/** The same relay over HTTP, for clients that cannot hold a socket (e.g. a case-management system's batch job). */
export function messageRoutes({ router, registry, messaging, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/api/messages',
    auth: authn,
    tag: 'messages',
    summary: 'Send an envelope (as the message:send socket event): answered only after it is durably stored.',
    body: SendMessageInput,
    response: SendMessageResult,
    errors: [400, 401, 403, 404, 409, 422],
    handler: async ({ body, req }) =>
      sendMessage(messaging, await authn.actor(req), body.envelope, body.attachmentIds ?? []),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/messages/backlog',
    auth: authn,
    tag: 'messages',
    summary: 'Your oldest unacknowledged messages, one page (as message:fetch).',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
    response: BacklogPage,
    errors: [400, 401],
    handler: async ({ query, req }) => fetchBacklog(messaging, await authn.actor(req), query.limit),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/messages/ack',
    auth: authn,
    tag: 'messages',
    summary: 'Acknowledge received messages (as message:ack); repeats are no-ops.',
    body: AckInput,
    response: z.object({ acknowledged: z.number().int() }),
    errors: [400, 401],
    handler: async ({ body, req }) => acknowledge(messaging, await authn.actor(req), body.ids),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/messages',
    auth: authn,
    tag: 'messages',
    summary: 'History of your conversations (ciphertext), newest first; by thread or counterpart.',
    query: HistoryQuery,
    response: z.array(DeliveredMessage),
    errors: [400, 401],
    handler: async ({ query, req }) => messageHistory(messaging, await authn.actor(req), query),
  });
}
