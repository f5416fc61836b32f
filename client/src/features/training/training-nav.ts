import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';

/** A state's national admins ask for and answer training requests; the secretariat follows them. */
export const handlesTrainingRequests = (actor: Actor): boolean =>
  can(actor, 'directory:read') && (actor.role === 'network-admin' || actor.role === 'national-admin');

/** Centres of Excellence for everyone signed in; training requests for admins. */
export function trainingNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [
    { to: '/centres', label: t('training.nav.centres'), allowed: can(actor, 'directory:read') },
    { to: '/training-requests', label: t('training.nav.requests'), allowed: handlesTrainingRequests(actor) },
  ];
}
