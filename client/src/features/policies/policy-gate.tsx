import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Action } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import { useSession } from '../../services/client-context';
import { isAdmin, toActor } from '../../services/actor';
import { TotpRequired } from '../../components/totp-required';

/** Children only when can() allows `action` on the user's own state; admins without TOTP are sent to set it up. */
export function PolicyGate({ action, children }: { action: Action; children: (me: UserView) => ReactNode }) {
  const { t } = useTranslation();
  const me = useSession()?.user;
  if (!me) return null;
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  if (!can(toActor(me), action, { state: me.state }))
    return (
      <p className="card warning" data-testid="not-allowed">
        {t('admin.notAllowed')}
      </p>
    );
  return <>{children(me)}</>;
}
