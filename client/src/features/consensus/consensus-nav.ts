import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';

/** Every admin follows network-wide decisions; the secretariat proposes, national admins respond. */
export function consensusNavItems(actor: Actor, t: TFunction): { to: string; label: string; allowed: boolean }[] {
  return [{ to: '/decisions', label: t('consensus.nav'), allowed: can(actor, 'consensus:read') }];
}
