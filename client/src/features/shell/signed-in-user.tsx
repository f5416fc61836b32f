import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useClient, useSession } from '../../services/client-context';

/** Who is signed in: name, role, state, a pending badge, and sign-out. */
export function SignedInUser() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const labels = useLabels();
  if (!session) return null;
  const { user } = session;
  const signOut = async (): Promise<void> => {
    await client.signOut();
    navigate('/');
  };
  return (
    <div className="signed-in" data-testid="signed-in-user" data-status={user.status} aria-label={t('header.account')}>
      <div>
        <strong>{t('header.signedInAs', { name: user.displayName })}</strong>{' '}
        <span className="detail">({user.username})</span>
      </div>
      <div className="detail">
        {labels.role(user.role)} · {labels.state(user.state)}
        {user.status === 'pending-verification' && <span className="badge pending">{t('pending.badge')}</span>}
      </div>
      <div className="signed-in-links">
        <Link to="/account">{t('account.link')}</Link>
        <button type="button" className="link" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </div>
    </div>
  );
}
