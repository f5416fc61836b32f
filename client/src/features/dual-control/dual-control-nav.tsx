import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../../shared/authz/can';
import type { NavItem } from '../policies/policy-nav';
import { mayTakePartInDualControl } from './may-take-part';
import { useSecondApprovals } from './use-second-approvals';
import { useTitleCount } from '../../services/title-counts';

/** Beside "Second approvals": how many wait for the signed-in admin's decision. */
function SecondApprovalsBadge() {
  const { t } = useTranslation();
  const count = (useSecondApprovals().pending ?? []).filter((request) => request.youMayDecide).length;
  useTitleCount('second-approvals', count);
  if (count === 0) return null;
  return (
    <span
      className="badge nav-count"
      data-testid="second-approvals-count"
      aria-label={t('dualControl.count', { count })}
    >
      {count}
    </span>
  );
}

/** Second approvals: the secretariat and national admins (with their second factor). */
export function dualControlNavItems(actor: Actor, t: TFunction): NavItem[] {
  const allowed = mayTakePartInDualControl(actor);
  return [
    {
      to: '/second-approvals',
      label: t('dualControl.nav'),
      allowed,
      ...(allowed ? { badge: <SecondApprovalsBadge /> } : {}),
    },
  ];
}
