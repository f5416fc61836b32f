import { useTranslation } from 'react-i18next';
import { Link } from '../router/link';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <p>{t('errors.http.not-found')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
