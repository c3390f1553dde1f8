import type { AdaptiveCard } from '../../shared/cards/card.js';
import { messageCard, refusalCard } from '../../shared/cards/notice.js';
import { REFLECTION_CREATE_VERB, REFLECTION_FORM_VERB, FORM_PROMPTS, promptInputId, templates } from '../cards/create.js';
import { answerSavedPubliclyCard, answerInputId, FOCUS_INPUT_ID, REFLECTION_ANSWER_VERB, REFLECTION_OPEN_VERB } from '../cards/reflection.js';
import { REFLECTION_SEND_VERB, REFLECTION_SUMMARY_VERB } from '../cards/summary.js';
import { findNetworkById } from '../../network/sql/networks.js';
import { findReflectionTask, reflectionTasksOfNetwork } from '../sql/reflections.js';
import { formatDue } from '../../shared/due.js';
import { policy } from '../../shared/policy.js';
import { MAX_PROMPTS, PROMPT_MAX_CHARS, TITLE_MAX_CHARS, answerModes, deliveryTargets, reflectionKinds, reflectionVisibilities, type ReflectionTask } from '../domain/reflections.js';
import { isClockTime } from '../../reminders/domain/reminders.js';
import { osloInstant } from '../../shared/time.js';
import type { Network } from '../../shared/types.js';
import { answerReflection } from '../answer.js';
import { createReflectionTask } from '../create.js';
import { networkHolidayNotice } from '../../reminders/holiday-notice.js';
import { calendarDate, text, z } from '../../shared/validation.js';
import { inSharedConversation } from '../../shared/bot/reply.js';
import { createForm, summaryCardFor } from './commands.js';
import { deliverTask, describeDelivery, type ChannelPoster } from '../delivery.js';
import { answerCardFor } from '../views.js';
import { cardMessage } from '../../shared/cards/message.js';
import type { BotTurn, CardAction } from '../../shared/bot/routes.js';
import { says } from '../input.js';
import { t } from '../messages.js';

const taskId = z.uuid(says('input.unknownTask'));
// Card inputs arrive as strings; length limits are the domain's, with its clearer words.
const cardText = text().max(100_000, says('input.cardTextTooLong')).optional();

const answerFields = Object.fromEntries(Array.from({ length: MAX_PROMPTS }, (_, i) => [answerInputId(i), cardText]));
const promptFields = Object.fromEntries(Array.from({ length: FORM_PROMPTS }, (_, i) => [promptInputId(i), cardText]));

const refused = (title: string, message: string) => messageCard(title, message, 'attention');

/** The task and its network, if the person may see that network at all. */
async function taskInContext(ctx: BotTurn, id: string): Promise<{ task: ReflectionTask; network: Network } | AdaptiveCard> {
  const task = await findReflectionTask(ctx.deps.db, id);
  const network = task && (await findNetworkById(ctx.deps.db, task.networkId));
  if (!task || !network) return refused(t('bot.taskNotFoundTitle'), t('bot.taskNotFound'));
  const allowed = policy.viewNetwork(ctx.actor, network);
  if (!allowed.allowed) return refused(t('bot.noAccess'), allowed.message);
  return { task, network };
}

const municipalityOf = (ctx: BotTurn, network: Network) =>
  ctx.actor.memberships.find((m) => m.networkId === network.id)?.municipalityNumber ?? null;

// ── Answering ──

const answerSchema = z.object({
  taskId,
  ...answerFields,
  [FOCUS_INPUT_ID]: cardText,
  baseVersion: z.coerce.number(says('input.number')).int(says('input.integer')).min(0).max(1_000_000).optional(),
  editKey: text().max(100).optional(),
});

export const answerAction: CardAction<z.infer<typeof answerSchema>> = {
  verb: REFLECTION_ANSWER_VERB,
  schema: answerSchema,
  async run(ctx, data) {
    const found = await taskInContext(ctx, data.taskId);
    if ('type' in found) return found;
    const { task, network } = found;
    const typed = {
      answers: task.prompts.map((_, i) => String((data as Record<string, unknown>)[answerInputId(i)] ?? '')),
      choices: (data[FOCUS_INPUT_ID] ?? '').split(',').filter(Boolean),
    };
    const now = ctx.deps.now();
    const result = await answerReflection(ctx.deps.db, ctx.actor, network, task, { ...typed, baseVersion: data.baseVersion ?? null, editKey: data.editKey ?? null }, now);
    // An Action.Submit fallback in a channel posts our reply for everyone: no answer text or key in it.
    if (ctx.turn.activity.type === 'message' && inSharedConversation(ctx)) {
      return result.ok ? answerSavedPubliclyCard(task.title) : refusalCard(result.error, t('bot.notSaved'));
    }
    const who = { memberId: ctx.actor.memberId, municipalityNumber: municipalityOf(ctx, network) };
    if (!result.ok) {
      if (result.error.code === 'ingen-tilgang' || result.error.code === 'finnes-ikke') return refusalCard(result.error, t('bot.notSaved'));
      // A stale group version: show the newer one (no typed text) so they can build on it.
      const stale = result.error.code === 'utdatert';
      return answerCardFor(ctx.deps.db, network, task, who, now, {
        notice: { tone: 'attention', text: result.error.message },
        editKey: data.editKey ?? null,
        ...(stale ? {} : { typed }),
      });
    }
    const saved = result.value;
    const due = formatDue(task.dueAt);
    const notice = {
      tone: 'good' as const,
      text: saved.mode === 'kommune' ? t('bot.groupSaved', { version: saved.version, due }) : t('bot.saved', { due }),
    };
    return answerCardFor(ctx.deps.db, network, task, who, now, { notice, editKey: saved.mode === 'anonym' ? saved.editKey : null });
  },
};

/** «Svar nå» / «Se og endre»: the answer card for this person. In a channel, sent to them 1:1. */
export const openAction: CardAction<{ taskId: string }> = {
  verb: REFLECTION_OPEN_VERB,
  schema: z.object({ taskId }),
  async run(ctx, data) {
    const found = await taskInContext(ctx, data.taskId);
    if ('type' in found) return found;
    const { task, network } = found;
    const allowed = policy.answerReflection(ctx.actor, network);
    if (!allowed.allowed) return refused(t('bot.cannotAnswer'), allowed.message);
    const card = await answerCardFor(ctx.deps.db, network, task, { memberId: ctx.actor.memberId, municipalityNumber: municipalityOf(ctx, network) }, ctx.deps.now());
    if (ctx.turn.activity.type === 'message' && inSharedConversation(ctx)) {
      const { tenantId } = ctx.turn.activity.conversation;
      const aad = ctx.turn.activity.from.aadObjectId;
      const outcome = tenantId && aad ? await ctx.deps.sender.sendToMember(tenantId, aad, cardMessage(card), { purpose: 'refleksjon' }) : undefined;
      return messageCard(
        task.title,
        outcome?.status === 'sent' ? t('bot.sentPrivately') : t('bot.answerPrivately'),
      );
    }
    return card;
  },
};

// ── Creating and sending (facilitators) ──

const formSchema = z.object({ networkId: z.uuid(says('input.unknownNetwork')), template: z.enum(templates).default('seed-000') });

export const formAction: CardAction<z.infer<typeof formSchema>> = {
  verb: REFLECTION_FORM_VERB,
  schema: formSchema,
  async run(ctx, data) {
    const network = await findNetworkById(ctx.deps.db, data.networkId);
    if (!network) return refused(t('bot.networkNotFoundTitle'), t('bot.networkNotFound'));
    const allowed = policy.createTasks(ctx.actor, network);
    if (!allowed.allowed) return refused(t('bot.cannotCreate'), allowed.message);
    return createForm(ctx, network, data.template);
  },
};

const createSchema = z.object({
  networkId: z.uuid(says('input.unknownNetwork')),
  template: z.enum(templates).default('seed-000'),
  kind: z.enum(reflectionKinds, says('input.unknownKind')),
  // text() takes its wrong-type words as a fixed string; the shared default is localized there.
  title: text().trim().min(1, says('input.writeTitle')).max(TITLE_MAX_CHARS, says('input.maxChars', { max: TITLE_MAX_CHARS })),
  ...promptFields,
  answerMode: z.enum(answerModes, says('input.chooseAnswerMode')).optional(),
  visibility: z.enum(reflectionVisibilities, says('input.chooseVisibility')).optional(),
  delivery: z.enum(deliveryTargets, says('input.chooseDelivery')),
  dueDate: calendarDate(),
  // A real clock time, so turning date and time into an instant below cannot fail.
  dueTime: z.string(says('input.chooseTime')).refine(isClockTime, says('input.chooseValidTime')),
  planItemId: z.union([z.uuid(), z.literal('')]).optional(),
});

export const createAction: CardAction<z.infer<typeof createSchema>> = {
  verb: REFLECTION_CREATE_VERB,
  schema: createSchema,
  async run(ctx, data) {
    const network = await findNetworkById(ctx.deps.db, data.networkId);
    if (!network) return refused(t('bot.networkNotFoundTitle'), t('bot.networkNotFound'));
    const prompts = Array.from({ length: FORM_PROMPTS }, (_, i) => String((data as Record<string, unknown>)[promptInputId(i)] ?? '').trim()).filter(Boolean);
    const tooLong = prompts.findIndex((p) => p.length > PROMPT_MAX_CHARS);
    const values = { title: data.title, prompts, answerMode: data.answerMode, visibility: data.visibility, delivery: data.delivery };
    if (tooLong >= 0) return createForm(ctx, network, data.template, { error: t('bot.promptTooLong', { number: tooLong + 1, max: PROMPT_MAX_CHARS }), values });
    const focus = data.kind === 'fokusomrade';
    const created = await createReflectionTask(
      ctx.deps.db,
      ctx.actor,
      network,
      {
        kind: data.kind,
        title: data.title,
        prompts,
        answerMode: focus ? 'kommune' : (data.answerMode ?? 'personlig'),
        visibility: focus ? 'nettverket' : (data.visibility ?? 'nettverket'),
        dueAt: osloInstant(data.dueDate, data.dueTime),
        planItemId: data.planItemId || null,
      },
      ctx.deps.now(),
    );
    if (!created.ok) {
      if (created.error.code === 'ingen-tilgang') return refusalCard(created.error, t('bot.cannotCreate'));
      return createForm(ctx, network, data.template, { error: created.error.message, values });
    }
    const task = created.value;
    const here = data.delivery === 'kanal' && inSharedConversation(ctx) ? channelPoster(ctx) : undefined;
    const report = await deliverTask(ctx.deps, network, task, data.delivery, here);
    const confirmation = t('bot.created', { delivery: describeDelivery(report), due: formatDue(task.dueAt) });
    const holiday = await networkHolidayNotice(ctx.deps.db, network.id, task.dueAt);
    return messageCard(t('bot.createdTitle', { title: task.title }), holiday ? `${confirmation} ${holiday}` : confirmation);
  },
};

/** Posting into the conversation the facilitator is in, during their own turn. */
function channelPoster(ctx: BotTurn): ChannelPoster {
  return async (message) => {
    try {
      const sent = await ctx.turn.reply(message);
      return { status: 'sent', conversationId: ctx.turn.activity.conversation.id, activityId: sent.id ?? '', attempts: 1 };
    } catch (error) {
      return { status: 'failed', conversationId: ctx.turn.activity.conversation.id, reason: String((error as Error).message ?? error), retryable: false, attempts: 1 };
    }
  };
}

export const sendAction: CardAction<{ taskId: string; target: 'personlig-chat' | 'kanal' }> = {
  verb: REFLECTION_SEND_VERB,
  schema: z.object({ taskId, target: z.enum(deliveryTargets).default('personlig-chat') }),
  async run(ctx, data) {
    const found = await taskInContext(ctx, data.taskId);
    if ('type' in found) return found;
    const { task, network } = found;
    const allowed = policy.createTasks(ctx.actor, network);
    if (!allowed.allowed) return refused(t('bot.cannotSend'), allowed.message);
    const report = await deliverTask(ctx.deps, network, task, data.target);
    return messageCard(t('bot.sentTitle', { title: task.title }), describeDelivery(report));
  },
};

// ── Sharing ──

export const summaryAction: CardAction<{ taskId: string }> = {
  verb: REFLECTION_SUMMARY_VERB,
  schema: z.object({ taskId }),
  async run(ctx, data) {
    const found = await taskInContext(ctx, data.taskId);
    if ('type' in found) return found;
    const { task, network } = found;
    const allowed = policy.readReflectionSummary(ctx.actor, network, task.visibility);
    if (!allowed.allowed) return refused(t('bot.noSummaryAccess'), allowed.message);
    if (task.visibility === 'fasilitatorer' && ctx.turn.activity.type === 'message' && inSharedConversation(ctx)) {
      return refused(t('bot.facilitatorsOnlyTitle'), t('bot.facilitatorsOnly'));
    }
    return summaryCardFor(ctx, network, task, await reflectionTasksOfNetwork(ctx.deps.db, network.id));
  },
};

export const reflectionActions: readonly CardAction<any>[] = [answerAction, openAction, formAction, createAction, sendAction, summaryAction];
