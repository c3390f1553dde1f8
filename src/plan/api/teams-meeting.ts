/**
 * «Opprett Teams-møte»: a facilitator makes the Teams meeting of a plan item from the plan
 * editor. The meeting is a calendar event in the facilitator's own calendar (Microsoft Graph, on
 * their behalf, through the port in src/shared/teams-meetings.ts), and its join link becomes the
 * item's Teams link, saved through the plan editor like any other change (calendar sequence,
 * reminders, audit), so the meeting panel and the bot's meeting events find the item by it.
 */
import { policy } from '../../shared/policy.js';
import { idFromPath, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { MeetingFailureReason, TeamsMeetingCreator } from '../../shared/teams-meetings.js';
import { authorizedNetwork } from '../../network/api/access.js';
import type { PlanItemResponse } from '../contract.js';
import { loadPlanItemWithSlots, savePlanChange, type PlanEditorHooks } from '../editor.js';
import { t } from '../messages.js';

/** What must follow the item's change: its reminders (the item's times do not move, but they are kept in step all the same). */
export interface TeamsMeetingHooks {
  syncReminders: PlanEditorHooks['syncReminders'];
  afterCommit(): void;
}

/** Someone gave the item a link while Graph was making the meeting: the transaction is rolled back. */
class LinkedMeanwhile extends Error {}

/**
 * Each failure as the person can act on it. Consent and Graph's refusal are 403 (they, or their
 * admin, must change something), Microsoft being slow or down is 502 (try again), a refused
 * sign-in 401 (the tab asks Teams for a fresh token).
 */
function refusal(reason: MeetingFailureReason): Result<never> {
  switch (reason) {
    case 'not-configured':
      return fail('konflikt', t('teamsMeeting.notConnected'));
    case 'consent-required':
      return fail('ingen-tilgang', t('teamsMeeting.consent'));
    case 'forbidden':
      return fail('ingen-tilgang', t('teamsMeeting.forbidden'));
    case 'sign-in-again':
      return fail('ikke-innlogget', t('teamsMeeting.signInAgain'));
    case 'throttled':
      return fail('ekstern-feil', t('teamsMeeting.throttled'));
    case 'timeout':
      return fail('ekstern-feil', t('teamsMeeting.timeout'));
    case 'unavailable':
      return fail('ekstern-feil', t('teamsMeeting.unavailable'));
  }
}

export const teamsMeetingRoutes = (meetings: TeamsMeetingCreator, hooks: TeamsMeetingHooks): ApiRoute[] => {
  const editorHooks: PlanEditorHooks = {
    syncReminders: hooks.syncReminders,
    // The answer is the item; the consequences (reminder times before and after) are not shown here.
    plannedReminders: async () => [],
    afterCommit: () => hooks.afterCommit(),
  };
  return [
    {
      method: 'post',
      path: '/api/networks/:networkId/plan/:itemId/teams-meeting',
      async handle(ctx, { params }) {
        // Who may edit the plan may give an item its meeting.
        const network = await authorizedNetwork(ctx, params.networkId, policy.editNetwork);
        if (!network.ok) return network;
        const itemId = idFromPath(params.itemId, t('api.itemIdName'));
        if (!itemId.ok) return itemId;
        const item = await loadPlanItemWithSlots(ctx.db, network.value.id, itemId.value);
        if (!item) return fail('finnes-ikke', t('api.notFound'));
        if (item.meetingUrl) return fail('konflikt', t('teamsMeeting.hasLink'));
        // Local mode (and the dev sign-in) has no Entra token to act on the person's behalf with.
        const ssoToken = ctx.caller.via === 'sso' ? ctx.caller.ssoToken : undefined;
        if (!meetings.available || !ssoToken) return fail('konflikt', t('teamsMeeting.notConnected'));

        // A veiledning per kommune with slots gets one meeting for the item's whole time: the
        // municipalities join the same meeting each at its own slot (the slots stay in the plan).
        const created = await meetings.createOnlineMeeting(
          { ssoToken, tenantId: ctx.caller.tenantId },
          { subject: item.title, startsAt: item.startsAt, endsAt: item.endsAt, timeZone: 'Europe/Oslo', body: item.agenda },
        );
        if (!created.ok) return refusal(created.reason);
        const { joinUrl, eventId, webLink } = created.value;

        let saved: Awaited<ReturnType<typeof savePlanChange>>;
        try {
          saved = await savePlanChange(
            { db: ctx.db, actor: ctx.actor, now: ctx.now },
            network.value,
            {
              type: 'update',
              itemId: item.id,
              merge: ({ id: _id, networkId: _n, ...before }) => {
                if (before.meetingUrl) throw new LinkedMeanwhile();
                return { ...before, meetingUrl: joinUrl };
              },
              audit: { action: 'plan.teamsmote-opprettet', details: { graphEventId: eventId, webLink } },
            },
            editorHooks,
          );
        } catch (err) {
          if (err instanceof LinkedMeanwhile) return fail('konflikt', t('teamsMeeting.linkedMeanwhile', { title: item.title }));
          throw err;
        }
        if (!saved) return fail('finnes-ikke', t('api.notFound'));
        if (!saved.ok) return saved;
        return ok<PlanItemResponse>({ item: saved.value.item! });
      },
    },
  ];
};
