import type { TFunction } from 'i18next';
import type { Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** The events calendar: everyone signed in and active reads it. */
export function eventsNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [{ to: '/events', label: t('events.nav'), allowed: actor.status === 'active' }];
}
