import { AppHeader } from './features/shell/app-header';
import { LivenessBanner } from './features/liveness/liveness-banner';
import { AppRoutes } from './features/shell/app-routes';
import { MainNav } from './features/shell/main-nav';
import { ReferenceListsSync } from './services/reference-lists-sync';

export function App() {
  return (
    <div className="app">
      <ReferenceListsSync />
      <AppHeader />
      <MainNav />
      <LivenessBanner />
      <main>
        <AppRoutes />
      </main>
    </div>
  );
}
