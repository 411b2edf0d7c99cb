// Self-hosted Be Vietnam Pro: each weight file carries the Vietnamese, Latin-ext
// and Latin subsets, so every diacritic renders offline in the same face.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext';
import { createClient } from './api/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ApiProvider client={createClient()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
