import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { watchOffline } from './lib/offline';
import { applyTheme } from './lib/theme';
import { registerServiceWorker } from './pwa/register';
import { useAuth } from './store/auth';
import { useConnection } from './store/realtime';
import { useTheme } from './store/theme';
import './index.css';

// theme-init.js already set data-theme before paint; this normalises unknown values.
applyTheme(useTheme.getState().theme);

// Start the session check once, before rendering (not in an effect, so StrictMode can't double it).
void useAuth.getState().checkAuth();

watchOffline(useConnection);
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
