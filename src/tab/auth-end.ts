import { app, authentication } from '@microsoft/teams-js';
import { AUTH_STATE_KEY } from './auth-flow.js';

// Entra ID redirects here with the result in the fragment. The tab only needed the consent: we
// report success or the error code to Teams and never pass the id_token on.
async function finish(): Promise<void> {
  const result = new URLSearchParams(window.location.hash.slice(1));
  history.replaceState(null, '', window.location.pathname); // no token left in the history
  const expected = sessionStorage.getItem(AUTH_STATE_KEY);
  sessionStorage.removeItem(AUTH_STATE_KEY);
  const status = document.getElementById('status');

  await app.initialize();
  const error = result.get('error');
  if (error) {
    if (status) status.textContent = 'Samtykket ble ikke gitt. Du kan lukke vinduet.';
    authentication.notifyFailure(error);
  } else if (!expected || result.get('state') !== expected) {
    if (status) status.textContent = 'Innloggingen kunne ikke bekreftes. Lukk vinduet og prøv igjen.';
    authentication.notifyFailure('state_mismatch');
  } else if (!result.get('id_token')) {
    authentication.notifyFailure('no_token');
  } else {
    if (status) status.textContent = 'Takk! Du kan lukke vinduet.';
    authentication.notifySuccess();
  }
}

void finish();
