import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './features/shell/app-header';
import { AuditLogAlert } from './features/audit-log/audit-log-alert';
import { LivenessBanner } from './features/liveness/liveness-banner';
import { AppRoutes } from './features/shell/app-routes';
import { MainNav } from './features/shell/main-nav';
import { usePageFocus } from './features/shell/page-focus';
import { usePageTitle } from './features/shell/page-title';
import { ReferenceListsSync } from './services/reference-lists-sync';
import './features/shell/shell.css';

export function App() {
  const { t } = useTranslation();
  usePageFocus();
  usePageTitle();
  // Focus the main content without adding "#main" to the address (the router reads paths only).
  const skip = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skip}>
        {t('shell.skip')}
      </a>
      <ReferenceListsSync />
      <AppHeader />
      <div className="app-body">
        <MainNav />
        <div className="app-content">
          <AuditLogAlert />
          <LivenessBanner />
          <main id="main" tabIndex={-1}>
            <AppRoutes />
          </main>
        </div>
      </div>
    </div>
  );
}
