import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';

/** The secretariat checks the whole network, a national admin their own state. */
export const canRunLiveness = (actor: Actor): boolean =>
  can(actor, 'liveness:start', { state: actor.role === 'network-admin' ? null : actor.state });

export function livenessNavItems(actor: Actor, t: TFunction): { to: string; label: string; allowed: boolean }[] {
  return [{ to: '/liveness', label: t('liveness.nav'), allowed: canRunLiveness(actor) }];
}
