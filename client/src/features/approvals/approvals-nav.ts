import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

export function approvalNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [{ to: '/approvals', label: t('approvals.nav'), allowed: can(actor, 'approval:list', { state: actor.state }) }];
}
