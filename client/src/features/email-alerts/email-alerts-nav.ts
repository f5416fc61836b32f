import type { TFunction } from 'i18next';
import type { Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** National admins watch their state's notification e-mails. */
export function emailAlertsNavItems(actor: Actor, t: TFunction): NavItem[] {
  const allowed = actor.role === 'national-admin' && actor.status === 'active' && actor.state !== null;
  return [{ to: '/notifications/deliveries', label: t('emailAlerts.nav'), allowed }];
}
