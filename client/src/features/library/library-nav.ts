import type { TFunction } from 'i18next';
import type { Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** The library: every active member reads the shelves shared with them. */
export function libraryNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [{ to: '/library', label: t('library.nav'), allowed: actor.status === 'active' }];
}
