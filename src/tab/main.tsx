import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initAuth } from './auth.js';
import { initI18n, pickInitialLang } from './i18n.js';
import { connectToHost } from './teams.js';

async function start(): Promise<void> {
  const host = await connectToHost();
  initAuth(host);
  await initI18n(pickInitialLang(host.locale));
  const root = document.getElementById('root');
  if (!root) throw new Error('Mangler #root i index.html');
  createRoot(root).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
}

void start();
