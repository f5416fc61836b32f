import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PingRequest } from '../../shared/schemas/system.js';
import type { ActorSource } from '../modules/accounts/actor-cache.js';
import { wellFormedRequestId } from '../observability/request-context.js';
import type { AccessTokenSigner } from '../modules/accounts/access-tokens.js';
import type { SessionRevocations } from '../modules/accounts/accounts-deps.js';
import type { Clock } from '../system/clock.js';
import type { Draining } from '../system/draining.js';
import type { InFlight } from '../system/in-flight.js';
import type { EventLimiter } from './event-limits.js';
import type { Gateway, GatewaySocket } from './gateway-types.js';
import { handleEvent, type EventContext } from './handle-event.js';
import { installSocketAuth, revalidate, sessionRoom, userRoom, type SocketSession } from './socket-auth.js';

export type { Gateway } from './gateway-types.js';

export interface SocketServerOptions {
  logger: Logger;
  /** Browser origins allowed to open a socket; requests without Origin (Node SDK) are allowed. */
  allowedOrigins: (requestHost: string | undefined) => string[];
  maxPacketBytes: number;
}

/**
 * The socket.io server, not yet attached to an HTTP server (`io.attach(http)` does that once the
 * HTTP side exists): rooms, revocations and pushes work from the start, so everything built
 * after it gets the real server. Origins are checked at the handshake.
 */
export function createSocketServer(options: SocketServerOptions): Gateway {
  return new Server({
    serveClient: false,
    maxHttpBufferSize: options.maxPacketBytes,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const allowed = origin === undefined || options.allowedOrigins(req.headers.host).includes(origin);
      if (!allowed) options.logger.warn({ origin }, 'socket refused: origin not allowed');
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });
}

export interface GatewayDeps {
  logger: Logger;
  clock: Clock;
  tokens: AccessTokenSigner;
  users: ActorSource;
  limits: EventLimiter;
  draining: Draining;
  inFlight: InFlight;
  /** Module event handlers, registered on every authenticated socket. */
  modules: SocketModule[];
}

/** A module's socket side: its event handlers, and what to do when a person connects. */
export type SocketModule = (socket: GatewaySocket, context: EventContext) => void;

/** Typed events on every socket: the token checked at the handshake, each event limited, re-checked and validated. */
export function serveEvents(io: Gateway, deps: GatewayDeps): void {
  installSocketAuth(io, deps);
  const context: EventContext = {
    logger: deps.logger,
    limits: deps.limits,
    draining: deps.draining,
    inFlight: deps.inFlight,
    revalidate: (socket) => revalidate(socket, deps),
  };
  io.on('connection', (socket) => {
    logConnection(deps.logger, socket);
    handleEvent(socket, context, 'system:ping', PingRequest, (input) => ({
      sentAt: input.sentAt,
      serverTime: deps.clock.now().getTime(),
    }));
    for (const register of deps.modules) register(socket, context);
  });
}

/**
 * Connect and disconnect at debug: the socket, its account, the reverse proxy's request id of the
 * handshake (nginx's access log has the same id), and why it ended. Nothing built at info and above.
 */
function logConnection(logger: Logger, socket: GatewaySocket): void {
  if (!logger.isLevelEnabled('debug')) return;
  const userId = (socket.data as SocketSession).user.id;
  const handshakeRequestId = wellFormedRequestId(socket.handshake.headers['x-request-id']);
  logger.debug(
    { socketId: socket.id, userId, handshakeRequestId, transport: socket.conn.transport.name },
    'socket connected',
  );
  const connectedAt = performance.now();
  socket.once('disconnect', (reason) =>
    logger.debug(
      { socketId: socket.id, userId, reason, connectedSeconds: Math.round((performance.now() - connectedAt) / 1000) },
      'socket disconnected',
    ),
  );
}

/** Closes every socket of a user on every node (through the adapter when Redis is used). */
export function socketRevocations(io: Gateway): SessionRevocations {
  return {
    revokeUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    revokeSession: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
  };
}
