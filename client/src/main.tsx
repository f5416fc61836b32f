import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setupI18n } from './i18n';
import { createBrowserClient } from './services/browser-client';
import { ClientProvider } from './services/client-context';
import { rememberedSession } from './services/remembered-session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');

await setupI18n();
const client = createBrowserClient();
const remembered = rememberedSession(client);
// A reload or a new tab of a browser that remembers the person starts signed in, keys unlocked.
await remembered.restore().catch(() => false);
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client} remembered={remembered}>
      <App />
    </ClientProvider>
  </StrictMode>,
);
