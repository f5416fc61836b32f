import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';
import { AwaitingDecisionsBadge } from './awaiting-decisions-badge';

/** Every admin follows network-wide decisions; the secretariat proposes, national admins respond (the badge counts what waits). */
export function consensusNavItems(actor: Actor, t: TFunction): NavItem[] {
  const allowed = can(actor, 'consensus:read');
  return [
    { to: '/decisions', label: t('consensus.nav'), allowed, ...(allowed ? { badge: <AwaitingDecisionsBadge /> } : {}) },
  ];
}
