import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { ZodType } from 'zod';
import { AppError, type Ack, type ErrorBody } from '../../shared/errors.js';
import type { ClientToServerEvents } from '../../shared/events.js';
import { isDatabaseUnavailable } from '../db/database-errors.js';
import type { User } from '../modules/accounts/ports/users.js';
import type { Draining } from '../system/draining.js';
import { runInRequestContext } from '../observability/request-context.js';
import { toFieldIssues } from '../system/field-issues.js';
import type { InFlight } from '../system/in-flight.js';
import type { EventLimiter } from './event-limits.js';
import type { GatewaySocket } from './gateway-types.js';
import type { SocketSession } from './socket-auth.js';

type AckOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1];
type DataOf<E extends keyof ClientToServerEvents> = AckOf<E> extends (result: Ack<infer T>) => void ? T : never;

export interface EventContext {
  logger: Logger;
  /** Re-checks token expiry and account state; undefined means the socket must go. */
  revalidate: (socket: GatewaySocket) => Promise<User | undefined>;
  /** Per-account, per-event rate limits (checked before anything else, so a flood costs no database read). */
  limits: EventLimiter;
  /** While the node stops, new events are refused (retryable) and those in progress are awaited. */
  draining: Draining;
  inFlight: InFlight;
}

function toErrorBody(error: unknown, logger: Logger, event: string): ErrorBody {
  if (error instanceof AppError)
    return {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, event }, 'database unavailable during a socket event');
    return { code: 'db.unavailable', message: 'the database is temporarily unavailable: try again' };
  }
  logger.error({ err: error, event }, 'unexpected error in socket handler');
  return { code: 'internal', message: 'internal error' };
}

/**
 * Registers a handler that applies the event's rate limit, re-checks the session, validates its input with the event's schema,
 * and always answers through the ack as `{ ok, data | error }`. A missing ack is tolerated.
 * Each event gets a fresh request id and runs inside a request context holding it (so the audit
 * entry it appends carries the id); at debug, one line when it ends: event, ids, outcome, duration.
 */
export function handleEvent<E extends keyof ClientToServerEvents, In>(
  socket: GatewaySocket,
  context: EventContext,
  event: E,
  schema: ZodType<In>,
  handler: (input: In, actor: User) => Promise<DataOf<E>> | DataOf<E>,
): void {
  const handle = async (raw: unknown, reply: (result: Ack<DataOf<E>>) => void): Promise<void> => {
    if (context.draining.active) {
      // Nothing started here: the client sends it again once its socket is on another node.
      reply({ ok: false, error: { code: 'server.draining', message: 'this server is stopping: try again' } });
      return;
    }
    let actor: User | undefined;
    try {
      const session = socket.data as SocketSession;
      if (!(await context.limits.allow(session.user.id, event))) {
        reply({ ok: false, error: { code: 'rate.limited', message: `too many ${event} events: wait and try again` } });
        return;
      }
      actor = await context.revalidate(socket);
    } catch (error) {
      // The account could not be checked (database away): refuse this event, keep the socket.
      context.logger.warn({ err: error, event }, 'could not re-check the session');
      reply({ ok: false, error: { code: 'db.unavailable', message: 'temporarily unavailable: try again' } });
      return;
    }
    if (!actor) {
      reply({ ok: false, error: { code: 'auth.unauthenticated', message: 'the session has ended' } });
      socket.disconnect(true);
      return;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      reply({
        ok: false,
        error: {
          code: 'validation.failed',
          message: `invalid ${event} input`,
          issues: toFieldIssues('input', parsed.error),
        },
      });
      return;
    }
    try {
      reply({ ok: true, data: await handler(parsed.data, actor) });
    } catch (error) {
      reply({ ok: false, error: toErrorBody(error, context.logger, event) });
    }
  };
  const listener = (...args: unknown[]): Promise<void> => {
    const requestId = randomUUID();
    // An event sent without its payload brings the callback in the payload's place: answer it (validation fails).
    const [raw, ack] = args.length === 1 && typeof args[0] === 'function' ? [undefined, args[0]] : args;
    const answer = typeof ack === 'function' ? (ack as (result: Ack<DataOf<E>>) => void) : () => undefined;
    const run = (reply: (result: Ack<DataOf<E>>) => void): Promise<void> =>
      context.inFlight.track(() => runInRequestContext({ requestId, socketId: socket.id }, () => handle(raw, reply)));
    // Debug off (production's usual level): nothing more than the id and the context per event.
    if (!context.logger.isLevelEnabled('debug')) return run(answer);
    const started = performance.now();
    let outcome = 'no-answer';
    return run((result) => {
      outcome = result.ok ? 'ok' : result.error.code;
      answer(result);
    }).finally(() => {
      const session = socket.data as SocketSession | undefined;
      context.logger.debug(
        {
          event,
          requestId,
          socketId: socket.id,
          userId: session?.user.id,
          outcome,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'socket event',
      );
    });
  };
  // socket.io's typed `on` cannot express "validated at run time"; the listener checks its input itself.
  (socket as Socket).on(String(event), listener);
}
