import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';

export type Gateway = Server<ClientToServerEvents, ServerToClientEvents>;
export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents>;
