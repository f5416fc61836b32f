import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import { Link } from '../../router/link';
import { SignedInUser } from './signed-in-user';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header>
      <div>
        <h1>
          <Link to="/">{t('app.name')}</Link>
        </h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <div className="header-side">
        <LanguageSwitch />
        <SignedInUser />
      </div>
    </header>
  );
}
