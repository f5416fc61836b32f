import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setupI18n } from './i18n';
import { createBrowserClient } from './services/browser-client';
import { ClientProvider } from './services/client-context';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');

await setupI18n();
const client = createBrowserClient();
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <App />
    </ClientProvider>
  </StrictMode>,
);
