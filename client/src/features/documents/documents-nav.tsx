import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** Every admin reads documents for comment; the secretariat circulates them, national admins comment. */
export function documentsNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [{ to: '/documents', label: t('documents.nav'), allowed: can(actor, 'consensus:read') }];
}
