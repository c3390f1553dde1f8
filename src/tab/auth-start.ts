import { AUTH_STATE_KEY, authorizeUrl, parseConsentRequest } from './auth-flow.js';

// Opened by authentication.authenticate() from the tab; sends the pop-up to Entra ID's consent page.
const request = parseConsentRequest(window.location.search);
const status = document.getElementById('status');
if (typeof request === 'string') {
  if (status) status.textContent = `Kan ikke starte innloggingen (${request}). Lukk vinduet og prøv igjen fra fanen.`;
} else {
  const state = crypto.randomUUID();
  sessionStorage.setItem(AUTH_STATE_KEY, state);
  window.location.assign(authorizeUrl(request, window.location.origin, state, crypto.randomUUID()));
}
