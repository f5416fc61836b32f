import { z } from 'zod';
import { ErrorResponse } from '../../shared/schemas/error-response.js';
import { CLIENT_EVENTS, SERVER_EVENTS } from '../../shared/schemas/socket-events.js';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): unknown =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/**
 * The socket.io events as AsyncAPI 3.0, from the same zod schemas the server validates with.
 * Every client event answers through socket.io's acknowledgement with `{ ok: true, data }` or
 * `{ ok: false, error }` (the error as in HTTP answers).
 */
export function asyncApiDocument(version: string): unknown {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CLIENT_EVENTS)) {
    const answer = z.union([
      z.object({ ok: z.literal(true), data: spec.answer }),
      z.object({ ok: z.literal(false), error: ErrorResponse.shape.error }),
    ]);
    channels[name] = {
      address: name,
      messages: {
        request: { payload: jsonSchema(spec.payload, 'input') },
        acknowledgement: { payload: jsonSchema(answer, 'output') },
      },
    };
    operations[`send ${name}`] = {
      action: 'send',
      summary: spec.summary,
      channel: { $ref: `#/channels/${name}` },
      messages: [{ $ref: `#/channels/${name}/messages/request` }],
      reply: { messages: [{ $ref: `#/channels/${name}/messages/acknowledgement` }] },
    };
  }
  for (const [name, spec] of Object.entries(SERVER_EVENTS)) {
    channels[name] = {
      address: name,
      messages: { push: spec.payload ? { payload: jsonSchema(spec.payload, 'output') } : { summary: 'no payload' } },
    };
    operations[`receive ${name}`] = {
      action: 'receive',
      summary: spec.summary,
      channel: { $ref: `#/channels/${name}` },
      messages: [{ $ref: `#/channels/${name}/messages/push` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'FocalNet socket.io events',
      version,
      description:
        'socket.io over the same origin as the HTTP API; the handshake carries the access token in auth.token. Each client event is limited per account and event kind (SOCKET_EVENT_LIMITS); beyond the limit the acknowledgement is an error with code rate.limited.',
    },
    channels,
    operations,
  };
}
