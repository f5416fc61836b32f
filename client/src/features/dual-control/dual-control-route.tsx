import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../services/client-context';
import { isAdmin, toActor } from '../../services/actor';
import { TotpRequired } from '../../components/totp-required';
import { mayTakePartInDualControl } from './may-take-part';
import { SecondApprovalsPage } from './second-approvals-page';

function SecondApprovalsGate() {
  const { t } = useTranslation();
  const me = useSession()?.user;
  if (!me) return null;
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  if (!mayTakePartInDualControl(toActor(me)))
    return (
      <p className="card warning" data-testid="not-allowed">
        {t('admin.notAllowed')}
      </p>
    );
  return <SecondApprovalsPage me={me} />;
}

/** The page for /second-approvals, or undefined for any other path. */
export function dualControlPage(path: string): ReactNode | undefined {
  return path === '/second-approvals' ? <SecondApprovalsGate /> : undefined;
}
