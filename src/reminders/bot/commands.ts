import { messageCard } from '../../shared/cards/notice.js';
import { OPT_IN_VERB, OPT_OUT_VERB, optedInCard, optedOutCard } from '../cards/reminder.js';
import { reminderReportCard } from '../cards/report.js';
import { markMemberReachable } from '../../shared/sql/proactive.js';
import { setOptOut, setRemindersStopped } from '../sql/reminders.js';
import { policy } from '../../shared/policy.js';
import { reminderKinds } from '../domain/reminders.js';
import { formatTime } from '../../platform/i18n/format.js';
import { t } from '../messages.js';
import { buildReminderReport, remindAboutPlanItem } from '../report.js';
import { reminderKindDefinition } from '../kinds.js';
import { z } from '../../shared/validation.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, CardAction, Command, CommandContext } from '../../shared/bot/routes.js';

const notRegistered = () => t('notRegistered');

/** «stopp påminnelser»: no reminders of any kind until «start påminnelser». */
async function stopReminders(ctx: CommandContext): Promise<void> {
  if (!ctx.actor.memberId) {
    await ctx.turn.reply(notRegistered());
    return;
  }
  await setRemindersStopped(ctx.deps.db, ctx.actor.memberId, true);
  await sendCard(
    ctx,
    messageCard(t('stopped.title'), t('stopped.body')),
  );
}

async function startReminders(ctx: CommandContext): Promise<void> {
  if (!ctx.actor.memberId) {
    await ctx.turn.reply(notRegistered());
    return;
  }
  await setRemindersStopped(ctx.deps.db, ctx.actor.memberId, false);
  await markMemberReachable(ctx.deps.db, ctx.actor.tenantId, ctx.actor.aadObjectId);
  await sendCard(ctx, messageCard(t('started.title'), t('started.body')));
}

/** «påminnelser»: the delivery report (fasilitator). */
async function showReminderReport(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const decision = policy.viewReminderReport(ctx.actor, network);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard(t('reportRefused'), decision.message, 'attention'));
    return;
  }
  await sendCard(ctx, reminderReportCard(network.name, await buildReminderReport(ctx.deps.db, network.id)));
}

/** «påminn nå» or «påminn om 5»: a reminder for the next activity, to the whole network (fasilitator). */
async function remindNow(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const decision = policy.manageReminders(ctx.actor, network);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard(t('remindNow.refused'), decision.message, 'attention'));
    return;
  }
  const minutes = Math.min(24 * 60, Number(/(\d{1,4})/.exec(ctx.args)?.[1] ?? 0));
  const result = await remindAboutPlanItem(ctx.deps.db, {
    networkId: network.id,
    inMinutes: minutes,
    createdBy: ctx.actor.memberId || null,
    now: ctx.deps.now(),
  });
  if (result === 'ingen-aktivitet') {
    await sendCard(ctx, messageCard(t('remindNow.noActivityTitle'), t('remindNow.noActivityBody'), 'attention'));
    return;
  }
  const vars = { title: result.item.title, count: result.recipients };
  await sendCard(
    ctx,
    messageCard(
      t('remindNow.orderedTitle'),
      minutes === 0 ? t('remindNow.orderedNow', vars) : t('remindNow.orderedAt', { ...vars, time: formatTime(result.sendAt) }),
    ),
  );
}

export const reminderCommands: Command[] = [
  // Verb and description are read when help is built, in the reader's language; the aliases
  // are the words people type, in bokmål, nynorsk and English.
  {
    get verb() {
      return t('command.stop.verb');
    },
    aliases: ['stopp påminnelser', 'stopp paminnelser', 'stopp påminningar', 'stopp paminningar', 'stop reminders'], // i18n-ignore: command words
    get description() {
      return t('command.stop.description');
    },
    audience: 'anyone',
    run: stopReminders,
  },
  {
    get verb() {
      return t('command.start.verb');
    },
    aliases: ['start påminnelser', 'start paminnelser', 'start påminningar', 'start paminningar', 'start reminders'], // i18n-ignore: command words
    get description() {
      return t('command.start.description');
    },
    audience: 'anyone',
    run: startReminders,
  },
  {
    get verb() {
      return t('command.report.verb');
    },
    aliases: ['påminnelser', 'paminnelser', 'påminningar', 'paminningar', 'reminders', 'reminder report'], // i18n-ignore: command words
    get description() {
      return t('command.report.description');
    },
    audience: 'network',
    run: showReminderReport,
  },
  {
    get verb() {
      return t('command.remindNow.verb');
    },
    aliases: ['påminn nå', 'påminn om', 'paminn na', 'paminn om', 'minn på no', 'minn på om', 'minn pa no', 'minn pa om', 'remind now', 'remind in'], // i18n-ignore: command words
    get description() {
      return t('command.remindNow.description');
    },
    audience: 'network',
    run: remindNow,
  },
];

const optOutSchema = z.object({
  kind: z.enum(reminderKinds, { error: () => t('optOutData.kind') }),
  subjectId: z.uuid({ error: () => t('optOutData.subject') }),
  reminderId: z.uuid({ error: () => t('optOutData.reminder') }).optional(),
});
type OptOutData = z.infer<typeof optOutSchema>;

async function subjectTitle(ctx: BotTurn, data: OptOutData): Promise<string> {
  return (await reminderKindDefinition(data.kind)?.load(ctx.deps.db, data.subjectId))?.title ?? t('thisSubject');
}

/** «Ikke påminn meg om dette» on a reminder card. */
const optOutAction: CardAction<OptOutData> = {
  verb: OPT_OUT_VERB,
  schema: optOutSchema,
  async run(ctx, data) {
    if (!ctx.actor.memberId) return messageCard(t('noReminders'), notRegistered());
    await setOptOut(ctx.deps.db, ctx.actor.memberId, data.kind, data.subjectId, true);
    return optedOutCard(await subjectTitle(ctx, data), { kind: data.kind, subjectId: data.subjectId });
  },
};

const optInAction: CardAction<OptOutData> = {
  verb: OPT_IN_VERB,
  schema: optOutSchema,
  async run(ctx, data) {
    if (!ctx.actor.memberId) return messageCard(t('noReminders'), notRegistered());
    await setOptOut(ctx.deps.db, ctx.actor.memberId, data.kind, data.subjectId, false);
    return optedInCard(await subjectTitle(ctx, data));
  },
};

export const reminderActions: CardAction<any>[] = [optOutAction, optInAction];
