import { can, type Actor } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';

/** Whether this admin may activate that pending person (the menu's count and home's line). */
export const mayVerify =
  (actor: Actor) =>
  (person: Pick<UserView, 'id' | 'role' | 'state'>): boolean =>
    can(actor, 'user:activate', { id: person.id, role: person.role, state: person.state });
