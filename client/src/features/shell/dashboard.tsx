import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { isAdmin } from '../account/actor';
import { AwaitingDecisions } from '../consensus/awaiting-decisions';
import { TotpRequired } from './totp-required';

/** Home of an active account. */
export function Dashboard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const admin = isAdmin(user);
  return (
    <>
      <section className="card" data-testid="account-active">
        <h2>{t('home.activeTitle')}</h2>
        <p>{admin ? t('home.adminIntro') : t('home.focalPointIntro')}</p>
      </section>
      {admin && !user.totpEnabled && <TotpRequired />}
      <AwaitingDecisions user={user} />
    </>
  );
}
