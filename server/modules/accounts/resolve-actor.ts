import type { User, UsersRepository } from '../../db/repositories/users.repository.js';
import type { AccessClaims } from './access-tokens.js';

const CAN_ACT = new Set(['active', 'pending-verification']);

/**
 * The user behind verified access-token claims, or undefined when the account was suspended,
 * removed, or re-keyed since the token was issued (tokenVersion moved on): effect is immediate
 * because this runs on every request and every socket event.
 */
export async function resolveActor(users: UsersRepository, claims: AccessClaims): Promise<User | undefined> {
  const user = await users.findById(claims.sub);
  if (!user || !CAN_ACT.has(user.status) || user.tokenVersion !== claims.tv || user.role !== claims.role) return undefined;
  return user;
}
