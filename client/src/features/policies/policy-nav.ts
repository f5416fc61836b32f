import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { can, type Actor } from '../../../../shared/authz/can';

export interface NavItem {
  to: string;
  label: string;
  allowed: boolean;
  /** Shown after the label, e.g. a count of what waits there. */
  badge?: ReactNode;
}

/** Menu entries of the disclosure-policy pages, allowed as can() says. */
export function policyNavItems(actor: Actor, t: TFunction): NavItem[] {
  const own = { state: actor.state };
  return [
    { to: '/policies', label: t('policies.nav.editor'), allowed: can(actor, 'policy:read', own) },
    { to: '/policies/states', label: t('policies.nav.states'), allowed: can(actor, 'policy:read-published', own) },
    { to: '/policies/preview', label: t('policies.nav.preview'), allowed: can(actor, 'policy:read-published', own) },
  ];
}
