import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setupI18n } from './i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');

await setupI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
