/**
 * A fake Teams host for the tab (issue 14's test harness): a page that embeds the tab in an
 * iframe and answers the teams-js messages the tab sends its parent, as the Teams client does
 * (`{ id, uuidAsString, func, args }` up, `{ id, uuidAsString, args }` back). Served by Playwright
 * at the app's own origin, so it is the frame ancestor the app's CSP allows ('self') and the
 * origin the tab accepts host messages from.
 *
 * The host speaks the legacy wire format: getContext answers with the flat context (`chatId`,
 * `meetingId`, `frameContext`), which the v2 SDK maps into `app.Context` (chat.id, meeting.id,
 * page.frameContext) itself. The meeting calls answer Node-style (`[error, result]`), and what
 * the tab shares to the stage or submits from a dialog is kept in `window.sharedToStage` and
 * `window.submittedTasks` for the test to read.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface FakeHostOptions {
  /** The tab's address, e.g. `${app.url}/tab/?network=…`. */
  tabUrl: string;
  frameContext?: 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'task';
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
  /** What authentication.getAuthToken answers; a string starting with «error:» fails with the rest. */
  token: string;
  tenantId: string;
  userObjectId: string;
  loginHint?: string;
  meetingId?: string;
  /** The chat the tab is in; for a meeting its thread, «19:meeting_…@thread.v2». */
  chatId?: string;
  /**
   * The person's role in the meeting: Teams lets organisers and presenters share an app to the
   * stage (getAppContentStageSharingCapabilities says so), attendees not. Default attendee.
   */
  meetingRole?: 'organizer' | 'presenter' | 'attendee';
  subEntityId?: string;
}

/** What the host page keeps of the tab's calls (`window.…` in the host page). */
export interface HostRecord {
  hostCalls: string[];
  sharedToStage: { url: string; options: unknown }[];
  submittedTasks: { result: unknown; appIds: unknown }[];
  /** The configuration page: its last validity, what it saved, and how it answered «Lagre». */
  config: { valid: boolean | null; saved: Record<string, unknown> | null; outcome: string | null };
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
      chatId: o.chatId,
    },
    mayShare: (o.meetingRole ?? 'attendee') !== 'attendee',
    runtime: JSON.stringify({
      apiVersion: 4,
      hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
      isLegacyTeams: false,
      supports: { app: {}, appInitialization: {}, authentication: {}, pages: { appButton: {}, config: {}, tabs: {} }, meeting: { appShareButton: {} }, dialog: { url: { bot: {}, parentCommunication: {} }, update: {} }, teamsCore: {} },
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
window.sharedToStage = [];
window.submittedTasks = [];
window.config = { valid: null, saved: null, outcome: null };
// What Teams does when the person presses «Lagre» on a configuration page.
window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, new URL(frame.src).origin);
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
    case 'meeting.getAppContentStageSharingCapabilities':
      return reply([null, { doesAppHaveSharePermission: config.mayShare }]);
    case 'meeting.getAppContentStageSharingState':
      return reply([null, { isAppSharing: window.sharedToStage.length > 0 }]);
    case 'meeting.shareAppContentToStage':
      if (!config.mayShare) return reply([{ errorCode: 1000, message: 'Permission denied' }, null]);
      window.sharedToStage.push({ url: m.args[0], options: m.args[1] });
      return reply([null, true]);
    // dialog.url.submit sends the legacy name; Teams closes the dialog and sends no reply.
    case 'tasks.completeTask':
      window.submittedTasks.push({ result: m.args[0], appIds: m.args[1] });
      return undefined;
    case 'settings.setValidityState':
      window.config.valid = m.args[0];
      return undefined;
    case 'settings.setSettings':
      window.config.saved = m.args[0];
      return reply([true]);
    case 'settings.save.success':
      window.config.outcome = 'success';
      return undefined;
    case 'settings.save.failure':
      window.config.outcome = 'failure: ' + m.args[0];
      return undefined;
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

/** What the host page recorded so far. */
export function hostRecord(page: Page): Promise<HostRecord> {
  return page.evaluate(() => {
    const w = window as unknown as HostRecord;
    return { hostCalls: w.hostCalls, sharedToStage: w.sharedToStage, submittedTasks: w.submittedTasks, config: w.config };
  });
}
