import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PingRequest } from '../../shared/schemas/system.js';
import type { ActorSource } from '../modules/accounts/actor-cache.js';
import type { AccessTokenSigner } from '../modules/accounts/access-tokens.js';
import type { SessionRevocations } from '../modules/accounts/accounts-deps.js';
import type { Clock } from '../system/clock.js';
import type { Gateway, GatewaySocket } from './gateway-types.js';
import { handleEvent, type EventContext } from './handle-event.js';
import { installSocketAuth, revalidate, sessionRoom, userRoom } from './socket-auth.js';

export type { Gateway } from './gateway-types.js';

export interface GatewayDeps {
  logger: Logger;
  clock: Clock;
  tokens: AccessTokenSigner;
  users: ActorSource;
  /** Browser origins allowed to open a socket; requests without Origin (Node SDK) are allowed. */
  allowedOrigins: (requestHost: string | undefined) => string[];
  maxPacketBytes: number;
  /** Module event handlers, registered on every authenticated socket. */
  modules: SocketModule[];
}

/** A module's socket side: its event handlers, and what to do when a person connects. */
export type SocketModule = (socket: GatewaySocket, context: EventContext) => void;

/** socket.io on the same HTTP server as express: typed events, Origin and token checked at the handshake. */
export function createGateway(httpServer: HttpServer, deps: GatewayDeps): Gateway {
  const io: Gateway = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: deps.maxPacketBytes,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const allowed = origin === undefined || deps.allowedOrigins(req.headers.host).includes(origin);
      if (!allowed) deps.logger.warn({ origin }, 'socket refused: origin not allowed');
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });
  installSocketAuth(io, deps);
  const context: EventContext = { logger: deps.logger, revalidate: (socket) => revalidate(socket, deps) };

  io.on('connection', (socket) => {
    handleEvent(socket, context, 'system:ping', PingRequest, (input) => ({ sentAt: input.sentAt, serverTime: deps.clock.now().getTime() }));
    for (const register of deps.modules) register(socket, context);
  });
  return io;
}

/** Closes every socket of a user on every node (through the adapter when Redis is used). */
export function socketRevocations(io: Gateway): SessionRevocations {
  return {
    revokeUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    revokeSession: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
  };
}
