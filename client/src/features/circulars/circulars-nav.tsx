import type { TFunction } from 'i18next';
import type { Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';
import { UnreadCircularsBadge } from './unread-badge';

/** Circulars: everyone active receives them (admins also write them), with the unread count. */
export function circularsNavItems(actor: Actor, t: TFunction): NavItem[] {
  const allowed = actor.status === 'active';
  return [
    { to: '/circulars', label: t('circulars.nav'), allowed, ...(allowed ? { badge: <UnreadCircularsBadge /> } : {}) },
  ];
}
