import { recordAudit } from '../../shared/sql/audit.js';
import { findPlanItem } from '../../plan/sql/plan.js';
import { reminderSettings, remindersOfSubject, saveReminderSettings, setSubjectRules, subjectRules, type ReminderRow, type ReminderSettings } from '../sql/reminders.js';
import { policy } from '../../shared/policy.js';
import { DEFAULT_RULES, reminderKinds, ruleKey, type ReminderKind, type ReminderRule } from '../domain/reminders.js';
import { OSLO } from '../../shared/time.js';
import { buildReminderReport, describeRule, remindAboutPlanItem } from '../report.js';
import { notifyRemindersChanged, requestReplan, syncSubjectReminders } from '../engine.js';
import { registeredReminderKinds } from '../kinds.js';
import { reminderSettingsSchema, sendNowSchema, subjectRulesSchema } from '../input.js';
import type {
  PlanItemRemindersResponse,
  ReminderReportResponse,
  ReminderSettingsView,
  RuleView,
  SaveReminderSettingsResponse,
  SendReminderNowResponse,
} from '../contract.js';
import { idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { fail, ok } from '../../shared/result.js';
import { t } from '../messages.js';
import { reasonText } from '../reasons.js';
import { holidayNotice } from '../holiday-notice.js';

const ruleDto = (r: ReminderRule): RuleView => ({ ...r, label: describeRule(r.type === 'days-before' ? `d${r.days}@${r.at}` : `m${r.minutes}`) });
const reminderDto = (r: ReminderRow): PlanItemRemindersResponse['reminders'][number] => ({
  id: r.id,
  rule: describeRule(r.ruleKey),
  sendAt: r.sendAt.toISOString(),
  status: r.status,
  statusReason: reasonText(r.statusReason),
});

/**
 * The kinds whose planned reminders a change of settings moves: all of them when the quiet
 * hours changed, otherwise those whose rules (own or default) are no longer the same.
 */
function changedKinds(before: ReminderSettings, after: ReminderSettings): ReminderKind[] {
  const quietChanged = JSON.stringify(before.quiet) !== JSON.stringify(after.quiet);
  const rulesOf = (s: ReminderSettings, k: ReminderKind) => (s.rules[k] ?? DEFAULT_RULES[k]).map(ruleKey).join(',');
  return registeredReminderKinds()
    .map((d) => d.kind)
    .filter((k) => quietChanged || rulesOf(before, k) !== rulesOf(after, k));
}

async function settingsDto(ctx: ApiContext, networkId: string): Promise<ReminderSettingsView> {
  const s = await reminderSettings(ctx.db, networkId);
  const rules = Object.fromEntries(
    reminderKinds.map((k: ReminderKind) => [k, { own: s.rules[k] !== undefined, rules: (s.rules[k] ?? DEFAULT_RULES[k]).map(ruleDto) }]),
  ) as ReminderSettingsView['rules'];
  return { quietHours: s.quiet, rules, timeZone: OSLO };
}

export const reminderRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/reminders',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewReminderReport);
      if (!network.ok) return network;
      return ok<ReminderReportResponse>({
        network: { id: network.value.id, name: network.value.name },
        timeZone: OSLO,
        reminders: await buildReminderReport(ctx.db, network.value.id),
        settings: await settingsDto(ctx, network.value.id),
      });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/reminder-settings',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewReminderReport);
      if (!network.ok) return network;
      return ok(await settingsDto(ctx, network.value.id));
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/reminder-settings',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageReminders);
      if (!network.ok) return network;
      const input = parse(reminderSettingsSchema, body, t('api.invalidSettings'));
      if (!input.ok) return input;
      const kinds = await ctx.db.transaction(async (tx) => {
        const before = await reminderSettings(tx, network.value.id);
        const q = input.value.quietHours;
        // Holidays and the Christmas week left out follow the weekends switch (see saveReminderSettings).
        const quiet = { ...q, holidays: q.holidays ?? q.weekends, christmasWeek: q.christmasWeek ?? q.weekends };
        const after: ReminderSettings = { quiet, rules: input.value.rules ?? before.rules };
        await saveReminderSettings(tx, network.value.id, after);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'paminnelser.endret',
          target: network.value.name,
          details: { før: before, etter: input.value },
        });
        return changedKinds(before, after);
      });
      // The reminders move in the background (a pg-boss job, in batches): a network with
      // hundreds of items must not hold this request, or the database, for a second or more.
      const replanning = await requestReplan(ctx.db, network.value.id, kinds);
      return ok<SaveReminderSettingsResponse>({ ...(await settingsDto(ctx, network.value.id)), replanning });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/plan/:itemId/reminders',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewReminderReport);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, t('api.itemId'));
      if (!itemId.ok) return itemId;
      const item = await findPlanItem(ctx.db, network.value.id, itemId.value);
      if (!item) return fail('finnes-ikke', t('api.itemNotFound'));
      const own = await subjectRules(ctx.db, 'plan-item', itemId.value);
      const reminders = await remindersOfSubject(ctx.db, 'plan-item', itemId.value);
      return ok<PlanItemRemindersResponse>({
        ownRules: own ? own.map(ruleDto) : null,
        reminders: reminders.map(reminderDto),
        holidayNotice: holidayNotice(item.startsAt, (await reminderSettings(ctx.db, network.value.id)).quiet),
      });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/plan/:itemId/reminders',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageReminders);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, t('api.itemId'));
      if (!itemId.ok) return itemId;
      const input = parse(subjectRulesSchema, body, t('api.invalidRules'));
      if (!input.ok) return input;
      const item = await findPlanItem(ctx.db, network.value.id, itemId.value);
      if (!item) return fail('finnes-ikke', t('api.itemNotFound'));
      await ctx.db.transaction(async (tx) => {
        await setSubjectRules(tx, 'plan-item', item.id, input.value.rules);
        await syncSubjectReminders(tx, 'plan-item', item.id, ctx.now);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'paminnelser.endret',
          target: item.title,
          details: { planItemId: item.id, regler: input.value.rules },
        });
      });
      notifyRemindersChanged();
      const reminders = await remindersOfSubject(ctx.db, 'plan-item', item.id);
      return ok<PlanItemRemindersResponse>({
        ownRules: input.value.rules?.map(ruleDto) ?? null,
        reminders: reminders.map(reminderDto),
        holidayNotice: holidayNotice(item.startsAt, (await reminderSettings(ctx.db, network.value.id)).quiet),
      });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/plan/:itemId/reminders/send',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageReminders);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, t('api.itemId'));
      if (!itemId.ok) return itemId;
      const input = parse(sendNowSchema, body ?? {}, t('api.invalidSendNow'));
      if (!input.ok) return input;
      const result = await remindAboutPlanItem(ctx.db, {
        networkId: network.value.id,
        planItemId: itemId.value,
        inMinutes: input.value.inMinutes,
        createdBy: ctx.actor.memberId || null,
        now: ctx.now,
      });
      if (result === 'ingen-aktivitet') return fail('finnes-ikke', t('api.itemNotFound'));
      await recordAudit(ctx.db, {
        actorMemberId: ctx.actor.memberId,
        actorName: ctx.actor.displayName,
        regionId: network.value.regionId,
        networkId: network.value.id,
        action: 'paminnelse.bestilt',
        target: result.item.title,
        details: { reminderId: result.reminderId, sendAt: result.sendAt.toISOString() },
      });
      return ok<SendReminderNowResponse>({ reminderId: result.reminderId, sendAt: result.sendAt.toISOString(), recipients: result.recipients });
    },
  },
];
