import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import { useSession, useUnlockedKeys } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { PendingPeopleBadge } from '../admin/pending-people-badge';
import { approvalNavItems } from '../approvals/approvals-nav';
import { dualControlNavItems } from '../dual-control/dual-control-nav';
import { directoryNavItems } from '../directory/directory-nav';
import { emailAlertsNavItems } from '../email-alerts/email-alerts-nav';
import { livenessNavItems } from '../liveness/liveness-nav';
import { consensusNavItems } from '../consensus/consensus-nav';
import { documentsNavItems } from '../documents/documents-nav';
import { messagingNavItems } from '../messaging/messaging-nav';
import { policyNavItems, type NavItem } from '../policies/policy-nav';
import { requestNavItems } from '../requests/requests-nav';
import { reviewNavItems } from '../review/review-nav';
import { webhookNavItems } from '../webhooks/webhooks-nav';
import { eventsNavItems } from '../events/events-nav';
import { trainingNavItems } from '../training/training-nav';
import { circularsNavItems } from '../circulars/circulars-nav';
import { libraryNavItems } from '../library/library-nav';
import { travelDocumentsNavItems } from '../travel-documents/travel-documents-nav';

/** The pages of the menu the pure authorization rule allows the signed-in person (none before the keys are unlocked). */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const session = useSession();
  const keys = useUnlockedKeys();
  if (!session || keys?.username !== session.user.username) return [];
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
    ...dualControlNavItems(actor, t),
    { to: '/admin/audit', label: t('nav.audit'), allowed: can(actor, 'audit:read', own) },
    ...policyNavItems(actor, t),
    ...approvalNavItems(actor, t),
    ...webhookNavItems(actor, t),
    ...directoryNavItems(actor, t),
    ...livenessNavItems(actor, t),
    ...emailAlertsNavItems(actor, t),
    ...consensusNavItems(actor, t),
    ...messagingNavItems(actor, t),
    ...requestNavItems(actor, t),
    ...reviewNavItems(actor, t),
    // The action plan's group, in the order of the work: what happens, what is sent, what is agreed, what is kept,
    // what is screened.
    ...eventsNavItems(actor, t),
    ...circularsNavItems(actor, t),
    ...documentsNavItems(actor, t),
    ...libraryNavItems(actor, t),
    ...travelDocumentsNavItems(session.user, t),
    ...trainingNavItems(actor, t),
  ].filter((item) => item.allowed);
  if (items.length === 0) return [];
  return [{ to: '/', label: t('nav.home'), allowed: true }, ...items];
}
