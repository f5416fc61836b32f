import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { SessionManager } from './session-manager.js';

export type FocalNetSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketHelperOptions {
  /** Default: the client's base URL. */
  url?: string;
  /** Extra socket.io options (transports, extraHeaders in Node, …); `auth` is always set here. */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/**
 * A socket.io connection authenticated with the session's access token. Each (re)connection asks
 * the session for a token, so it is fresh. The server closes a socket when its token expires and
 * refuses a stale token at the handshake; both are answered by refreshing once and reconnecting.
 * When the refresh fails (session ended, account suspended) the socket stays closed.
 */
export function connectSocket(
  client: { baseUrl: string; session: SessionManager },
  options: SocketHelperOptions = {},
): FocalNetSocket {
  let retried = false;
  const socket: FocalNetSocket = io(options.url ?? client.baseUrl, {
    ...options.socketOptions,
    auth: (callback) => {
      client.session.accessToken().then(
        (token) => callback({ token }),
        () => callback({}),
      );
    },
  });

  const reconnectWithFreshToken = (): void => {
    if (retried) return;
    retried = true;
    client.session.refresh().then(
      () => socket.connect(),
      () => undefined,
    );
  };
  socket.on('connect', () => {
    retried = false;
  });
  socket.on('connect_error', (error) => {
    // A middleware refusal does not reconnect by itself; "unauthenticated" is the gateway's answer to a bad token.
    if (!socket.active && error.message === 'unauthenticated') reconnectWithFreshToken();
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && client.session.current()) socket.connect();
  });
  return socket;
}
