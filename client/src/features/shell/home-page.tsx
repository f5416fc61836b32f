import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/status-panel';
import { Link } from '../../router/link';
import { useSession } from '../../services/client-context';
import { RequireSession } from '../auth/require-session';
import { PendingHome } from '../onboarding/pending-home';
import { Dashboard } from './dashboard';

function Welcome() {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" data-testid="welcome">
        <h2>{t('home.welcome')}</h2>
        <p>{t('home.intro')}</p>
        <Link to="/sign-in" className="button primary">
          {t('home.signIn')}
        </Link>
      </section>
      <StatusPanel />
    </>
  );
}

export function HomePage() {
  const session = useSession();
  if (!session) return <Welcome />;
  return (
    <RequireSession>
      {session.user.status === 'pending-verification' ? <PendingHome /> : <Dashboard user={session.user} />}
    </RequireSession>
  );
}
