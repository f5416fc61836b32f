import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';
import { PendingApprovalsBadge } from './pending-approvals-badge';

/** Approvals: national admins of the state, with the number waiting for their state's decision. */
export function approvalNavItems(actor: Actor, t: TFunction): NavItem[] {
  const allowed = can(actor, 'approval:list', { state: actor.state });
  return [
    { to: '/approvals', label: t('approvals.nav'), allowed, ...(allowed ? { badge: <PendingApprovalsBadge /> } : {}) },
  ];
}
