import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';

/** Between server nodes (through the Redis adapter): an account changed, drop cached copies. */
export interface InterServerEvents {
  'actor:forget': (userId: string) => void;
  /** A push for the sockets of `room` that live on the receiving node (see push.ts). */
  push: (room: string, event: string, payload: unknown) => void;
}

export type Gateway = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;
export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents>;
