import type { AdaptiveCard } from '../../shared/cards/card.js';
import { messageCard } from '../../shared/cards/notice.js';
import { reflectionCreateCard, type TemplateName } from '../cards/create.js';
import { myReflectionsCard } from '../cards/mine.js';
import { reflectionSummaryCard } from '../cards/summary.js';
import { planForNetwork } from '../../plan/sql/plan.js';
import { reformCatalogue } from '../../reference/sql/reference.js';
import { loadSummary } from '../sql/summary.js';
import { reflectionTasksOfNetwork, type TaskOverview } from '../sql/reflections.js';
import { osloDateAndTime } from '../../shared/due.js';
import { isFacilitator, policy } from '../../shared/policy.js';
import { isOpen, type ReflectionTask } from '../domain/reflections.js';
import { osloInstant, addOsloDays } from '../../shared/time.js';
import type { Network } from '../../shared/types.js';
import { mineItems } from '../mine.js';
import { inSharedConversation, replyPrivately, sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, Command, CommandContext } from '../../shared/bot/routes.js';
import { currentLocale } from '../../platform/i18n/context.js';
import { intlTag } from '../../platform/i18n/locale.js';
import { t } from '../messages.js';

/** The form, with defaults: tied to the current or next samling, due in a week at 16.00 Oslo time. */
export async function createForm(ctx: BotTurn, network: Network, template: TemplateName, extra: { error?: string; values?: Parameters<typeof reflectionCreateCard>[0]['values'] } = {}): Promise<AdaptiveCard> {
  const now = ctx.deps.now();
  const items = await planForNetwork(ctx.deps.db, network.id);
  const current = items.find((i) => i.kind === 'samling' && i.endsAt >= now) ?? null;
  const due = osloDateAndTime(osloInstant(addOsloDays(osloDateAndTime(now).date, 7), '16:00'));
  return reflectionCreateCard({
    networkId: network.id,
    template,
    planItems: items,
    planItemId: current?.id ?? null,
    dueDate: due.date,
    dueTime: due.time,
    inChannel: ctx.turn.activity.conversation.type === 'channel',
    ...extra,
  });
}

/** «ny refleksjon fokus», «ny refleksjonsoppgåve tom», «new reflection focus|blank|empty». */
function templateOf(args: string): TemplateName {
  const a = args.toLocaleLowerCase('nb-NO');
  if (a.startsWith('fokus') || a.startsWith('focus')) return 'fokus';
  if (a.startsWith('tom') || a.startsWith('blank') || a.startsWith('empty')) return 'tom';
  return 'seed-000';
}

/** «ny refleksjon [tom|fokus]»: a facilitator gets the form, prefilled with seed 000's questions. */
async function newReflection(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const allowed = policy.createTasks(ctx.actor, network);
  if (!allowed.allowed) {
    await sendCard(ctx, messageCard(t('bot.cannotCreate'), allowed.message, 'attention'));
    return;
  }
  await sendCard(ctx, await createForm(ctx, network, templateOf(ctx.args)));
}

/** «mine refleksjoner»: only ever to the person themselves. */
async function myReflections(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  if (!policy.answerReflection(ctx.actor, network).allowed) {
    await sendCard(ctx, messageCard(t('mineCard.title'), t('bot.onlyParticipants')));
    return;
  }
  const tasks = await reflectionTasksOfNetwork(ctx.deps.db, network.id);
  await replyPrivately(ctx, [myReflectionsCard(await mineItems(ctx.deps.db, ctx.actor, network, tasks, ctx.deps.now()))]);
}

/** The summary card for one task, with buttons to the others the person may read. */
export async function summaryCardFor(ctx: BotTurn, network: Network, task: TaskOverview | ReflectionTask, all: TaskOverview[]): Promise<AdaptiveCard> {
  const catalogue = task.kind === 'fokusomrade' ? await reformCatalogue(ctx.deps.db, network.reformCode) : [];
  const summary = await loadSummary(ctx.deps.db, task, catalogue);
  const overview = all.find((t) => t.id === task.id);
  const others = all
    .filter((t) => t.id !== task.id && policy.readReflectionSummary(ctx.actor, network, t.visibility).allowed)
    .map((t) => ({ id: t.id, title: t.title }));
  return reflectionSummaryCard(summary, {
    others,
    canSend: isFacilitator(ctx.actor, network) && (overview?.deliveredCount ?? 0) === 0 && isOpen(task, ctx.deps.now()),
  });
}

/** «refleksjoner» / «deling»: the newest task the person may read the summary of. */
async function shareReflections(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const tasks = await reflectionTasksOfNetwork(ctx.deps.db, network.id);
  // Newest first among tasks someone has answered: that is what there is to share.
  const readable = tasks
    .filter((t) => policy.readReflectionSummary(ctx.actor, network, t.visibility).allowed)
    .sort((a, b) => Number(b.answerCount > 0) - Number(a.answerCount > 0) || b.createdAt.getTime() - a.createdAt.getTime());
  const lower = (s: string) => s.toLocaleLowerCase(intlTag[currentLocale()]);
  const wanted = ctx.args ? readable.find((task) => lower(task.title).includes(lower(ctx.args))) : undefined;
  const task = wanted ?? readable[0];
  if (!task) {
    const hidden = tasks.length > readable.length;
    await sendCard(
      ctx,
      messageCard(t('bot.sharingTitle'), hidden ? t('bot.hiddenFromYou') : t('bot.noTasks')),
    );
    return;
  }
  const card = await summaryCardFor(ctx, network, task, tasks);
  // A facilitators-only summary must not land in a channel where deltakere read along.
  if (task.visibility === 'fasilitatorer' && inSharedConversation(ctx)) await replyPrivately(ctx, [card]);
  else await sendCard(ctx, card);
}

export const reflectionCommands: readonly Command[] = [
  {
    verb: 'ny refleksjon',
    // Bokmål, nynorsk, English: what a person types is theirs, whatever language Teams is in.
    aliases: ['ny refleksjon', 'ny refleksjonsoppgave', 'ny refleksjonsoppgåve', 'ny oppgave', 'ny oppgåve', 'new reflection', 'new reflection task'], // i18n-ignore: command words
    get description() {
      return t('command.new');
    },
    audience: 'network',
    run: newReflection,
  },
  {
    verb: 'mine refleksjoner',
    aliases: ['mine refleksjoner', 'mine refleksjonar', 'mine svar', 'my reflections', 'my answers'],
    get description() {
      return t('command.mine');
    },
    audience: 'network',
    run: myReflections,
  },
  {
    verb: 'refleksjoner',
    aliases: ['refleksjoner', 'refleksjonar', 'deling', 'refleksjonsdeling', 'reflections', 'shared reflections'],
    get description() {
      return t('command.share');
    },
    audience: 'network',
    run: shareReflections,
  },
];
