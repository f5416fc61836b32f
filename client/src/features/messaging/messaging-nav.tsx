import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';
import { UnreadMessagesBadge } from './unread-badge';

/** Messages: focal points only (the server refuses exchanges from admins), with the unread count. */
export function messagingNavItems(actor: Actor, t: TFunction): NavItem[] {
  const allowed = actor.role === 'focal-point' && can(actor, 'exchange:take-part');
  return [
    { to: '/messages', label: t('messaging.nav'), allowed, ...(allowed ? { badge: <UnreadMessagesBadge /> } : {}) },
  ];
}
