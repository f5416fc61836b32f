import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';
import { AwaitingRequestsBadge } from './awaiting-requests-badge';

/** Focal points send and receive requests (the server checks exchange:take-part). */
export const takesPartInRequests = (actor: Actor): boolean =>
  actor.role === 'focal-point' && can(actor, 'exchange:take-part', { state: actor.state });
/** Statistics: a national admin for their state, the secretariat for all. */
export const seesRequestStatistics = (actor: Actor): boolean =>
  can(actor, 'request:statistics', actor.role === 'network-admin' ? {} : { state: actor.state });
/** The overdue list of requests to their state: national admins. */
export const seesOverdueRequests = (actor: Actor): boolean =>
  actor.state !== null && can(actor, 'request:read-state', { state: actor.state });

export function requestNavItems(actor: Actor, t: TFunction): NavItem[] {
  const takesPart = takesPartInRequests(actor);
  return [
    {
      to: '/requests',
      label: t('requests.nav.requests'),
      allowed: takesPart,
      ...(takesPart ? { badge: <AwaitingRequestsBadge /> } : {}),
    },
    { to: '/requests/overdue', label: t('requests.nav.overdue'), allowed: seesOverdueRequests(actor) },
    { to: '/requests/statistics', label: t('requests.nav.statistics'), allowed: seesRequestStatistics(actor) },
  ];
}
