import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** Webhooks: a state's national admins manage them; the secretariat sees every state's. */
export function webhookNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [{ to: '/webhooks', label: t('webhooks.nav'), allowed: can(actor, 'webhook:list', { state: actor.state }) }];
}
