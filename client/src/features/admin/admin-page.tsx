import { useTranslation } from 'react-i18next';
import { can, type Action } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import { useSession } from '../../services/client-context';
import { isAdmin, toActor } from '../../services/actor';
import { TotpRequired } from '../../components/totp-required';
import { AuditPage } from './audit-page';
import { InvitationsPage } from './invitations-page';
import { PendingPage } from './pending-page';
import { PeoplePage } from './people-page';

export const ADMIN_SECTIONS = ['invitations', 'pending', 'people', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

const NEEDS: Record<AdminSection, Action> = {
  invitations: 'invitation:list',
  pending: 'user:list',
  people: 'user:list',
  audit: 'audit:read',
};

function Section({ section, me }: { section: AdminSection; me: UserView }) {
  switch (section) {
    case 'invitations':
      return <InvitationsPage me={me} />;
    case 'pending':
      return <PendingPage me={me} />;
    case 'people':
      return <PeoplePage me={me} />;
    case 'audit':
      return <AuditPage me={me} />;
  }
}

/** An administration page, shown only when can() allows it; admins without TOTP are sent to set it up. */
export function AdminPage({ section }: { section: AdminSection }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const me = session.user;
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  if (!can(toActor(me), NEEDS[section], { state: me.state }))
    return <p className="card warning">{t('admin.notAllowed')}</p>;
  return <Section section={section} me={me} />;
}
