import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';

export interface NavItem {
  to: string;
  label: string;
  allowed: boolean;
}

/** Participation, visibility and stale entries (a state's national admins) or the freshness period (the secretariat). */
export const canManageDirectory = (actor: Actor): boolean =>
  can(actor, 'state:manage-directory', { state: actor.state }) || can(actor, 'directory:settings');

/** Directory entries of the main menu, each only when can() allows it. */
export function directoryNavItems(actor: Actor, t: TFunction): NavItem[] {
  return [
    { to: '/directory', label: t('directory.nav.directory'), allowed: can(actor, 'directory:read') },
    {
      to: '/directory/mine',
      label: t('directory.nav.mine'),
      allowed: actor.role === 'focal-point' && can(actor, 'directory:edit-entry', { id: actor.id }),
    },
    { to: '/directory/manage', label: t('directory.nav.manage'), allowed: canManageDirectory(actor) },
  ];
}
