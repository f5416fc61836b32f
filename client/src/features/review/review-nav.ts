import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';

/** The annual review: national admins their own state's, the secretariat any state's or the network's. */
export const seesReview = (actor: Actor): boolean =>
  can(actor, 'review:read', actor.role === 'network-admin' ? {} : { state: actor.state });

export function reviewNavItems(actor: Actor, t: TFunction): { to: string; label: string; allowed: boolean }[] {
  return [{ to: '/review', label: t('review.nav'), allowed: seesReview(actor) }];
}
