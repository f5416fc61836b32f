import type { TFunction } from 'i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { NavItem } from '../policies/policy-nav';

/** Domains whose focal points hold the screening key (when their state takes part). */
export const HOLDER_DOMAINS: readonly string[] = ['border', 'law-enforcement'];

/** Border and law-enforcement focal points screen and list; national admins decide whether their state takes part. */
export function mayOpenTravelDocuments(me: Pick<UserView, 'role' | 'status' | 'domains'>): boolean {
  if (me.status !== 'active') return false;
  if (me.role === 'national-admin') return true;
  return me.role === 'focal-point' && me.domains.some((domain) => HOLDER_DOMAINS.includes(domain));
}

export function travelDocumentsNavItems(me: UserView, t: TFunction): NavItem[] {
  return [{ to: '/travel-documents', label: t('travelDocuments.nav'), allowed: mayOpenTravelDocuments(me) }];
}
