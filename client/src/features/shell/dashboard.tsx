import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { isAdmin } from '../../services/actor';
import { AdminHome } from './home/admin-home';
import { FocalPointHome } from './home/focal-point-home';
import { TotpRequired } from '../../components/totp-required';
import './dashboard.css';

/** can() lets nobody act without the second factor their role or state requires. */
const lacksSecondFactor = (user: UserView): boolean =>
  (user.role !== 'focal-point' || user.requireTotp) && !user.totpEnabled;

/** Home of an active account: what needs the person now, each with a link to deal with it. */
export function Dashboard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const admin = isAdmin(user);
  return (
    <>
      {lacksSecondFactor(user) && <TotpRequired focalPoint={!admin} />}
      <section className="card home-today" data-testid="account-active">
        <h2>{t('home.title')}</h2>
        {lacksSecondFactor(user) ? (
          <p className="hint">{t('home.secondFactorFirst')}</p>
        ) : user.role === 'focal-point' ? (
          <FocalPointHome user={user} />
        ) : (
          <AdminHome user={user} />
        )}
      </section>
    </>
  );
}
