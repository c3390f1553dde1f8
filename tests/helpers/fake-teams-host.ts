/**
 * A fake Teams host for the tab (issue 14's test harness): a page that embeds the tab in an
 * iframe and answers the teams-js messages the tab sends its parent, as the Teams client does
 * (`{ id, uuidAsString, func, args }` up, `{ id, uuidAsString, args }` back). Served by Playwright
 * at the app's own origin, so it is the frame ancestor the app's CSP allows ('self') and the
 * origin the tab accepts host messages from.
 */
import type { BrowserContext } from 'playwright-core';

export interface FakeHostOptions {
  /** The tab's address, e.g. `${app.url}/tab/?network=…`. */
  tabUrl: string;
  frameContext?: 'content' | 'sidePanel' | 'meetingStage' | 'settings';
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
  /** What authentication.getAuthToken answers; a string starting with «error:» fails with the rest. */
  token: string;
  tenantId: string;
  userObjectId: string;
  loginHint?: string;
  meetingId?: string;
  subEntityId?: string;
}

export const FAKE_HOST_PATH = '/fake-teams-host.html';

function hostHtml(o: FakeHostOptions): string {
  const config = {
    frameContext: o.frameContext ?? 'content',
    context: {
      locale: o.locale ?? 'nb-no',
      theme: o.theme ?? 'default',
      entityId: 'samlingspunkt-tab',
      subEntityId: o.subEntityId,
      frameContext: o.frameContext ?? 'content',
      hostClientType: 'web',
      hostName: 'Teams',
      appSessionId: '6b1f0cd8-6f83-4b8e-9d4c-2f0ab1d5b1a1',
      tid: o.tenantId,
      userObjectId: o.userObjectId,
      loginHint: o.loginHint,
      userPrincipalName: o.loginHint,
      meetingId: o.meetingId,
    },
    runtime: JSON.stringify({
      apiVersion: 4,
      hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
      isLegacyTeams: false,
      supports: { app: {}, appInitialization: {}, authentication: {}, pages: { appButton: {}, config: {}, tabs: {} }, meeting: {}, dialog: {}, teamsCore: {} },
    }),
    token: o.token,
  };
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Fake Teams host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Samlingspunkt" src="${o.tabUrl}"></iframe>
<script>
const config = ${JSON.stringify(config)};
window.hostCalls = [];
const frame = document.getElementById('tab');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || !event.data || typeof event.data.func !== 'string') return;
  const m = event.data;
  window.hostCalls.push(m.func);
  const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
  switch (m.func) {
    case 'initialize': return reply([config.frameContext, 'web', config.runtime, '2.58.0']);
    case 'getContext': return reply([config.context]);
    case 'authentication.getAuthToken':
      return config.token.startsWith('error:') ? reply([false, config.token.slice(6)]) : reply([true, config.token]);
    default: return undefined;
  }
});
</script></body></html>`;
}

/** Serves the host page at `${appUrl}${FAKE_HOST_PATH}` for this browser context. */
export async function serveFakeTeamsHost(context: BrowserContext, appUrl: string, options: FakeHostOptions): Promise<string> {
  const url = `${appUrl}${FAKE_HOST_PATH}`;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml(options) }));
  return url;
}
