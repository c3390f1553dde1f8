import { DateTime } from 'luxon';
import { messageCard } from '../../shared/cards/notice.js';
import { OPT_IN_VERB, OPT_OUT_VERB, optedInCard, optedOutCard } from '../cards/reminder.js';
import { reminderReportCard } from '../cards/report.js';
import { markMemberReachable } from '../../shared/sql/proactive.js';
import { setOptOut, setRemindersStopped } from '../sql/reminders.js';
import { policy } from '../../shared/policy.js';
import { reminderKinds } from '../domain/reminders.js';
import { OSLO } from '../../shared/time.js';
import { buildReminderReport, remindAboutPlanItem } from '../report.js';
import { reminderKindDefinition } from '../kinds.js';
import { z } from '../../shared/validation.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, CardAction, Command, CommandContext } from '../../shared/bot/routes.js';

const NOT_REGISTERED = 'Du er ikke registrert i noe læringsnettverk ennå, så du får ingen påminnelser.';

/** «stopp påminnelser»: no reminders of any kind until «start påminnelser». */
async function stopReminders(ctx: CommandContext): Promise<void> {
  if (!ctx.actor.memberId) {
    await ctx.turn.reply(NOT_REGISTERED);
    return;
  }
  await setRemindersStopped(ctx.deps.db, ctx.actor.memberId, true);
  await sendCard(
    ctx,
    messageCard(
      'Påminnelser er slått av',
      'Du får ingen påminnelser fra meg før du skriver «start påminnelser». Oppgaver og målinger du blir bedt om å svare på, får du fortsatt.',
    ),
  );
}

async function startReminders(ctx: CommandContext): Promise<void> {
  if (!ctx.actor.memberId) {
    await ctx.turn.reply(NOT_REGISTERED);
    return;
  }
  await setRemindersStopped(ctx.deps.db, ctx.actor.memberId, false);
  await markMemberReachable(ctx.deps.db, ctx.actor.tenantId, ctx.actor.aadObjectId);
  await sendCard(ctx, messageCard('Påminnelser er slått på', 'Du får påminnelser om samlinger og frister igjen. Skriv «stopp påminnelser» for å slå dem av.'));
}

/** «påminnelser»: the delivery report (fasilitator). */
async function showReminderReport(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const decision = policy.viewReminderReport(ctx.actor, network);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard('Kan ikke vise påminnelsene', decision.message, 'attention'));
    return;
  }
  await sendCard(ctx, reminderReportCard(network.name, await buildReminderReport(ctx.deps.db, network.id)));
}

/** «påminn nå» or «påminn om 5»: a reminder for the next activity, to the whole network (fasilitator). */
async function remindNow(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const decision = policy.manageReminders(ctx.actor, network);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard('Kan ikke sende påminnelse', decision.message, 'attention'));
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
    await sendCard(ctx, messageCard('Ingen kommende aktivitet', 'Det er ingen kommende aktiviteter i planen å minne om.', 'attention'));
    return;
  }
  const at = DateTime.fromJSDate(result.sendAt, { zone: OSLO }).toFormat('HH.mm');
  await sendCard(
    ctx,
    messageCard(
      'Påminnelse bestilt',
      `Påminnelsen om «${result.item.title}» sendes ${minutes === 0 ? 'nå' : `kl. ${at}`} til ${result.recipients} personer i nettverket (ikke til dem som har skrevet «stopp påminnelser»). Skriv «påminnelser» for å se hvem som har fått den.`,
    ),
  );
}

export const reminderCommands: Command[] = [
  {
    verb: 'stopp påminnelser',
    aliases: ['stopp påminnelser', 'stopp paminnelser', 'stop reminders'],
    description: 'Slå av alle påminnelser til deg',
    audience: 'anyone',
    run: stopReminders,
  },
  {
    verb: 'start påminnelser',
    aliases: ['start påminnelser', 'start paminnelser', 'start reminders'],
    description: 'Slå påminnelser på igjen',
    audience: 'anyone',
    run: startReminders,
  },
  {
    verb: 'påminnelser',
    aliases: ['påminnelser', 'paminnelser', 'reminders', 'reminder report'],
    description: 'Hvem har fått påminnelsene (fasilitator)',
    audience: 'network',
    run: showReminderReport,
  },
  {
    verb: 'påminn nå',
    aliases: ['påminn nå', 'påminn om', 'paminn na', 'paminn om', 'remind now', 'remind in'],
    description: 'Send påminnelse om neste aktivitet nå, eller «påminn om 5» (fasilitator)',
    audience: 'network',
    run: remindNow,
  },
];

const optOutSchema = z.object({
  kind: z.enum(reminderKinds, { error: 'ukjent type påminnelse' }),
  subjectId: z.uuid({ error: 'ukjent sak' }),
  reminderId: z.uuid({ error: 'ukjent påminnelse' }).optional(),
});
type OptOutData = z.infer<typeof optOutSchema>;

async function subjectTitle(ctx: BotTurn, data: OptOutData): Promise<string> {
  return (await reminderKindDefinition(data.kind)?.load(ctx.deps.db, data.subjectId))?.title ?? 'dette';
}

/** «Ikke påminn meg om dette» on a reminder card. */
const optOutAction: CardAction<OptOutData> = {
  verb: OPT_OUT_VERB,
  schema: optOutSchema,
  async run(ctx, data) {
    if (!ctx.actor.memberId) return messageCard('Ingen påminnelser', NOT_REGISTERED);
    await setOptOut(ctx.deps.db, ctx.actor.memberId, data.kind, data.subjectId, true);
    return optedOutCard(await subjectTitle(ctx, data), { kind: data.kind, subjectId: data.subjectId });
  },
};

const optInAction: CardAction<OptOutData> = {
  verb: OPT_IN_VERB,
  schema: optOutSchema,
  async run(ctx, data) {
    if (!ctx.actor.memberId) return messageCard('Ingen påminnelser', NOT_REGISTERED);
    await setOptOut(ctx.deps.db, ctx.actor.memberId, data.kind, data.subjectId, false);
    return optedInCard(await subjectTitle(ctx, data));
  },
};

export const reminderActions: CardAction<any>[] = [optOutAction, optInAction];
