import type { Actor } from '../../../shared/authz/can';
import type { UserView } from '../../../shared/schemas/accounts';

/** What the pure authorization rule needs to know about the signed-in person. */
export function toActor(user: UserView): Actor {
  return {
    id: user.id,
    role: user.role,
    state: user.state,
    status: user.status,
    totpEnabled: user.totpEnabled,
    requireTotp: user.requireTotp,
  };
}

export const isAdmin = (user: UserView): boolean => user.role === 'network-admin' || user.role === 'national-admin';
