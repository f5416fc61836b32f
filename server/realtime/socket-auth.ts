import type { Logger } from 'pino';
import { wellFormedRequestId } from '../observability/request-context.js';
import { securityEvent } from '../observability/security-log.js';
import type { User } from '../modules/accounts/ports/users.js';
import type { ActorSource } from '../modules/accounts/actor-cache.js';
import type { AccessClaims, AccessTokenSigner } from '../modules/accounts/access-tokens.js';
import { resolveActor } from '../modules/accounts/resolve-actor.js';
import type { Clock } from '../system/clock.js';
import type { Gateway, GatewaySocket } from './gateway-types.js';

export interface SocketSession {
  user: User;
  claims: AccessClaims;
}

export const userRoom = (userId: string): string => `user:${userId}`;
/** One session's sockets (its access tokens carry the session id). */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
/** Every administrator's sockets (network decisions are followed by all of them). */
export const ADMINS_ROOM = 'admins';
/** A state's national admins' sockets (their state's approvals queue). */
export const stateAdminsRoom = (state: string): string => `admins:${state}`;
/** The secretariat's sockets (it is responsible for the admins). */
export const NETWORK_ADMINS_ROOM = 'admins:network';
/** The admins responsible for a person (as `can` rules): the state's national admins for a focal point, else the secretariat. */
export const responsibleAdminsRoom = (person: { role: string; state: string | null }): string =>
  person.role === 'focal-point' && person.state ? stateAdminsRoom(person.state) : NETWORK_ADMINS_ROOM;

/**
 * Handshake: the access token in `auth.token` is checked exactly as on HTTP (algorithm pinned,
 * issuer, audience, expiry, account state). The socket joins its user's room, so a revocation
 * reaches it on any node, and is disconnected when its token expires.
 */
export function installSocketAuth(
  io: Gateway,
  deps: { tokens: AccessTokenSigner; users: ActorSource; clock: Clock; logger: Logger },
): void {
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    const claims = typeof token === 'string' ? deps.tokens.verify(token, deps.clock.now()) : undefined;
    const refused = (reason: string, actorId?: string): void => {
      securityEvent(deps.logger, 'auth.socket-token-refused', {
        reason,
        actorId,
        handshakeRequestId: wellFormedRequestId(socket.handshake.headers['x-request-id']),
      });
      next(new Error('unauthenticated'));
    };
    if (!claims) {
      refused(typeof token === 'string' ? 'invalid-token' : 'no-token');
      return;
    }
    resolveActor(deps.users, claims).then(
      (user) => {
        if (!user) return refused('account-cannot-act', claims.sub);
        socket.data = { user, claims } satisfies SocketSession;
        void socket.join(userRoom(user.id));
        if (claims.sid) void socket.join(sessionRoom(claims.sid));
        if (user.role === 'network-admin' || user.role === 'national-admin') void socket.join(ADMINS_ROOM);
        if (user.role === 'national-admin' && user.state) void socket.join(stateAdminsRoom(user.state));
        if (user.role === 'network-admin') void socket.join(NETWORK_ADMINS_ROOM);
        const msLeft = claims.exp * 1000 - deps.clock.now().getTime();
        const timer = setTimeout(() => socket.disconnect(true), Math.max(0, msLeft));
        socket.once('disconnect', () => clearTimeout(timer));
        next();
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'socket authentication failed');
        next(new Error('unavailable'));
      },
    );
  });
}

/**
 * Before every event: the token must still be valid and the account still able to act; the
 * role is read fresh. A socket that fails is disconnected.
 */
export async function revalidate(
  socket: GatewaySocket,
  deps: { users: ActorSource; clock: Clock },
): Promise<User | undefined> {
  const session = socket.data as SocketSession | undefined;
  if (!session || session.claims.exp * 1000 <= deps.clock.now().getTime()) return undefined;
  const user = await resolveActor(deps.users, session.claims);
  if (user) socket.data = { user, claims: session.claims } satisfies SocketSession;
  return user;
}
