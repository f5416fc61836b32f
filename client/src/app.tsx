import { AppHeader } from './features/shell/app-header';
import { LivenessBanner } from './features/liveness/liveness-banner';
import { AppRoutes } from './features/shell/app-routes';
import { MainNav } from './features/shell/main-nav';
import { MemberStatesSync } from './services/member-states';

export function App() {
  return (
    <div className="app">
      <MemberStatesSync />
      <AppHeader />
      <MainNav />
      <LivenessBanner />
      <main>
        <AppRoutes />
      </main>
    </div>
  );
}
