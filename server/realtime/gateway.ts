import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import { PingRequest } from '../../shared/schemas/system.js';
import type { Clock } from '../system/clock.js';
import { handleEvent } from './handle-event.js';

export type Gateway = Server<ClientToServerEvents, ServerToClientEvents>;

export interface GatewayDeps {
  logger: Logger;
  clock: Clock;
  /** Browser origins allowed to open a socket; requests without Origin (Node SDK) are allowed. */
  allowedOrigins: (requestHost: string | undefined) => string[];
  maxPacketBytes: number;
}

/** socket.io on the same HTTP server as express: typed events, Origin checked at the handshake. */
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

  io.on('connection', (socket) => {
    handleEvent(socket, deps.logger, 'system:ping', PingRequest, (input) => ({ sentAt: input.sentAt, serverTime: deps.clock.now().getTime() }));
  });
  return io;
}
