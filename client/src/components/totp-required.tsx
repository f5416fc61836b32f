import { useTranslation } from 'react-i18next';
import { Link } from '../router/link';

/** Admins (and focal points whose state requires it) without a second factor are denied by can(); this says why and where to fix it. */
export function TotpRequired({ focalPoint = false }: { focalPoint?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card notice" data-testid="totp-required">
      <p>{focalPoint ? t('admin.totpRequiredFocalPoint') : t('admin.totpRequired')}</p>
      <Link to="/security/totp" className="button primary">
        {t('admin.setUp')}
      </Link>
    </section>
  );
}
