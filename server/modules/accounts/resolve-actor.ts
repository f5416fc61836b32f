import type { User } from './ports/users.js';
import type { AccessClaims } from './access-tokens.js';
import type { ActorSource } from './actor-cache.js';

const CAN_ACT = new Set(['active', 'pending-verification']);

/**
 * The user behind verified access-token claims, or undefined when the account was suspended,
 * removed, or re-keyed since the token was issued (tokenVersion moved on), or the token's own
 * session was ended: effect is immediate
 * because this runs on every request and every socket event.
 */
export async function resolveActor(users: ActorSource, claims: AccessClaims): Promise<User | undefined> {
  let user = await users.findById(claims.sub);
  // A token newer than the account we hold: our copy is stale (another node's change not heard of yet).
  if (user && user.tokenVersion < claims.tv && users.forget) {
    users.forget(claims.sub);
    user = await users.findById(claims.sub);
  }
  if (!user || !CAN_ACT.has(user.status) || user.tokenVersion !== claims.tv || user.role !== claims.role)
    return undefined;
  if (claims.sid !== undefined && user.endedSessions.includes(claims.sid)) return undefined; // that session was ended on its own
  return user;
}
