import type { Ack } from './errors.js';
import type { PingRequest, PingResponse, ReadyResponse } from './schemas/system.js';

/**
 * Typed socket.io event maps. Names are `area:verb`; every client event takes one argument
 * (validated by its zod schema on the server) and an acknowledgement callback.
 */
export interface ClientToServerEvents {
  'system:ping': (input: PingRequest, ack: (result: Ack<PingResponse>) => void) => void;
}

export interface ServerToClientEvents {
  'system:status': (status: ReadyResponse) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
