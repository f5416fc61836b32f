import type { Actor } from '../authz/can.js';
import type { Audience } from '../schemas/audience.js';

export type AddressVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Who may address an audience as a whole (a circular, a library shelf): the secretariat any; a
 * national admin every national admin, or the focal points of a domain their own state takes part
 * in; nobody else. `participating` is the actor's state's domains (empty for the secretariat).
 */
export function mayAddress(actor: Actor, audience: Audience, participating: readonly string[]): AddressVerdict {
  if (actor.status !== 'active') return { ok: false, reason: 'only an active account can address an audience' };
  if (actor.role === 'network-admin') return { ok: true };
  if (actor.role !== 'national-admin')
    return { ok: false, reason: 'only the secretariat and national admins address an audience' };
  switch (audience.kind) {
    case 'national-admins':
      return { ok: true };
    case 'domain':
      return participating.includes(audience.domain)
        ? { ok: true }
        : { ok: false, reason: `your state does not take part in the ${audience.domain} domain` };
    case 'everyone':
      return { ok: false, reason: 'only the secretariat addresses everyone' };
  }
}
