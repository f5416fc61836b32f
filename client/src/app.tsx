import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/language-switch';
import { StatusPanel } from './components/status-panel';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header>
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <StatusPanel />
      </main>
    </div>
  );
}
