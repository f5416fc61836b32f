import { useTranslation } from 'react-i18next';
import { Link } from '../../router/link';

/** Admins without a second factor are denied by can(); this says why and where to fix it. */
export function TotpRequired() {
  const { t } = useTranslation();
  return (
    <section className="card notice" data-testid="totp-required">
      <p>{t('admin.totpRequired')}</p>
      <Link to="/security/totp" className="button primary">{t('admin.setUp')}</Link>
    </section>
  );
}
