import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import { Link } from '../../router/link';
import { usePath } from '../../router/router';
import { useSession, useUnlockedKeys } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { PendingPeopleBadge } from '../admin/pending-people-badge';
import { approvalNavItems } from '../approvals/approvals-nav';
import { directoryNavItems } from '../directory/directory-nav';
import { livenessNavItems } from '../liveness/liveness-nav';
import { consensusNavItems } from '../consensus/consensus-nav';
import { messagingNavItems } from '../messaging/messaging-nav';
import { policyNavItems, type NavItem } from '../policies/policy-nav';
import { requestNavItems } from '../requests/requests-nav';
import { reviewNavItems } from '../review/review-nav';

/** The administration menu, with only the pages the pure authorization rule allows. */
export function MainNav() {
  const { t } = useTranslation();
  const session = useSession();
  const keys = useUnlockedKeys();
  const path = usePath();
  if (!session || keys?.username !== session.user.username) return null;
  const actor = toActor(session.user);
  const own = { state: actor.state };
  const items: NavItem[] = [
    { to: '/admin/invitations', label: t('nav.invitations'), allowed: can(actor, 'invitation:list', own) },
    {
      to: '/admin/pending',
      label: t('nav.pending'),
      allowed: can(actor, 'user:list', own),
      ...(can(actor, 'user:list', own) ? { badge: <PendingPeopleBadge /> } : {}),
    },
    { to: '/admin/people', label: t('nav.people'), allowed: can(actor, 'user:list', own) },
    { to: '/admin/audit', label: t('nav.audit'), allowed: can(actor, 'audit:read', own) },
    ...policyNavItems(actor, t),
    ...approvalNavItems(actor, t),
    ...directoryNavItems(actor, t),
    ...livenessNavItems(actor, t),
    ...consensusNavItems(actor, t),
    ...messagingNavItems(actor, t),
    ...requestNavItems(actor, t),
    ...reviewNavItems(actor, t),
  ].filter((item) => item.allowed);
  if (items.length === 0) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
        {t('nav.home')}
      </Link>
      {items.map((item) => (
        <Link key={item.to} to={item.to} aria-current={path === item.to ? 'page' : undefined}>
          {item.label}
          {item.badge}
        </Link>
      ))}
    </nav>
  );
}
