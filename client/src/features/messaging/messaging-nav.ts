import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** Messages: focal points only (the server refuses exchanges from admins). */
export function messagingNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [{ to: '/messages', label: t('messaging.nav'), allowed: actor.role === 'focal-point' && can(actor, 'exchange:take-part') }];
}
