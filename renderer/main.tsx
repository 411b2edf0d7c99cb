// First, before React is even evaluated: the kiosk's first calls leave now (see pageClient.ts).
import { pageClient } from './kiosk/pageClient';
// Self-hosted Be Vietnam Pro, so every diacritic renders offline in the same face (see fonts.css).
import './fonts.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// On the kiosk route #root holds the attract screen index.html was built with (kiosk/prerenderAttract.tsx),
// already painted: React's first commit replaces it with the same screen, now live. index.html's <head>
// script starts this module only after that first frame (kiosk/earlyTap.ts).
createRoot(container).render(
  <StrictMode>
    <ApiProvider client={pageClient}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
