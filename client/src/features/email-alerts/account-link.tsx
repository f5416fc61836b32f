import { useTranslation } from 'react-i18next';
import { Link } from '../../router/link';

/** On the account page: the way to the e-mail notification settings. */
export function EmailNotificationsLink() {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="email-notifications-link">
      <h3>
        <Link to="/account/notifications">{t('emailAlerts.accountLink')}</Link>
      </h3>
      <p className="hint">{t('emailAlerts.accountHint')}</p>
    </section>
  );
}
