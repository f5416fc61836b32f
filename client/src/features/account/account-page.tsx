import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { useSession } from '../../services/client-context';
import { EmailNotificationsLink } from '../email-alerts/account-link';
import { ChangePasswordForm } from './change-password-form';
import { MySessions } from './my-sessions';
import { NotificationSettings } from './notification-settings';
import { RecoveryKeySection } from './recovery-key-section';
import { MyAwaySection } from '../duty-roster/my-away-section';
import { CalendarFeedSection } from '../events/calendar-feed-section';

/** /account: who I am here, notifications on this computer (focal points), my sessions, and changing my password. */
export function AccountPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useSession()?.user;
  if (!user) return null;
  return (
    <>
      <h2>{t('account.title')}</h2>
      <section className="card" aria-label={t('account.title')}>
        <dl className="facts" data-testid="account-facts">
          <dt>{t('account.facts.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('account.facts.role')}</dt>
          <dd>{labels.role(user.role)}</dd>
          {user.state && (
            <>
              <dt>{t('account.facts.state')}</dt>
              <dd>{labels.state(user.state)}</dd>
            </>
          )}
          <dt>{t('account.facts.status')}</dt>
          <dd>{t(`userStatus.${user.status}`)}</dd>
          <dt>{t('account.facts.totp')}</dt>
          <dd>
            {user.totpEnabled ? (
              t('account.facts.totpOn')
            ) : (
              <>
                {t('account.facts.totpOff')} · <Link to="/security/totp">{t('account.facts.totpSetUp')}</Link>
              </>
            )}
          </dd>
          {user.keys && (
            <>
              <dt>{t('account.facts.keyVersion')}</dt>
              <dd>{user.keys.keyVersion}</dd>
            </>
          )}
        </dl>
      </section>
      {user.role === 'focal-point' && user.status === 'active' && <MyAwaySection userId={user.id} />}
      <EmailNotificationsLink />
      {user.role === 'focal-point' && <NotificationSettings userId={user.id} />}
      {user.status === 'active' && <CalendarFeedSection />}
      <MySessions />
      <ChangePasswordForm />
      <RecoveryKeySection />
    </>
  );
}
