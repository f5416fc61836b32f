import type { Logger } from 'pino';
import type { ServerToClientEvents } from '../../shared/events.js';
import type { Gateway, GatewaySocket } from './gateway-types.js';
import type { MetricsPort } from '../system/metrics-port.js';

/**
 * Bytes one socket may have waiting in this server (engine.io's write buffer plus the websocket's
 * unsent bytes) before pushes to it are replaced by one `sync:behind` nudge. A reader that keeps
 * up never comes near it; a stalled one costs at most this plus one packet.
 */
export const MAX_BUFFERED_BYTES = 1_000_000;

/** Events the server pushes (all but the nudge, which only this file sends). */
export type PushEvent = Exclude<keyof ServerToClientEvents, 'sync:behind'>;
type PayloadOf<E extends PushEvent> = Parameters<ServerToClientEvents[E]>[0];

/** Server→client pushes to the sockets of a room, on every node. */
export interface Pusher {
  push<E extends PushEvent>(room: string, event: E, payload: PayloadOf<E>): void;
}

interface EngineConnection {
  writeBuffer: Array<{ data?: unknown }>;
  transport: { socket?: { bufferedAmount?: number } };
  on(event: 'flush', listener: () => void): void;
}

/** Whether a nudge sits in a connection's write buffer, not yet handed to the transport. */
const nudgeWaiting = new WeakMap<EngineConnection, boolean>();

function bufferedBytes(conn: EngineConnection): number {
  let bytes = conn.transport.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer) bytes += typeof packet.data === 'string' ? packet.data.length : 0;
  return bytes;
}

/**
 * Every push is reliable (never volatile: a volatile packet is dropped whenever the transport is
 * busy with the previous one, which a burst makes the rule). A socket over its buffer bound gets,
 * instead of the push, a `sync:behind` nudge queued after everything it has not read yet, so the
 * client reads the state from the server (the message queue, the pages' lists) after every push it
 * missed. One waiting nudge covers every push dropped before the transport takes it.
 */
export function pushToSocket(
  socket: GatewaySocket,
  event: PushEvent,
  payload: unknown,
  maxBufferedBytes = MAX_BUFFERED_BYTES,
): void {
  const conn = socket.conn as unknown as EngineConnection;
  if (bufferedBytes(conn) < maxBufferedBytes) {
    (socket.emit as (event: string, payload: unknown) => boolean)(event, payload);
    return;
  }
  if (nudgeWaiting.get(conn)) return;
  if (!nudgeWaiting.has(conn)) conn.on('flush', () => nudgeWaiting.set(conn, false));
  nudgeWaiting.set(conn, true);
  socket.emit('sync:behind');
}

/**
 * Pushes reach this node's sockets directly and the other nodes' through Redis (a server-side
 * event each node applies to its own sockets), so the buffer bound is checked per socket where
 * the socket lives. `otherNodes` answers whether the other nodes can be reached now.
 */
export function createPusher(options: {
  io: Gateway;
  otherNodes: () => boolean;
  logger: Logger;
  maxBufferedBytes?: number;
  /** Times live deliveries from here (the node of the recipient's socket) to their acknowledgement. */
  metrics?: Pick<MetricsPort, 'livePushed'>;
}): Pusher {
  const { io } = options;
  const pushLocal = (room: string, event: PushEvent, payload: unknown): void => {
    const nsp = io.of('/');
    const ids = nsp.adapter.rooms.get(room);
    if (!ids) return;
    if (event === 'message:new') options.metrics?.livePushed(room, (payload as { id: string }).id);
    for (const id of ids) {
      const socket = nsp.sockets.get(id);
      if (socket) pushToSocket(socket, event, payload, options.maxBufferedBytes);
    }
  };
  io.on('push', (room, event, payload) => pushLocal(room, event as PushEvent, payload));
  return {
    push(room, event, payload) {
      pushLocal(room, event, payload);
      if (!options.otherNodes()) return;
      try {
        io.serverSideEmit('push', room, event, payload);
      } catch (error) {
        options.logger.warn({ err: error, event }, 'could not pass a push to the other nodes');
      }
    },
  };
}
