/**
 * «ny måling», «gjenta måling» and «målinger». The forms are cards; what they send is handled
 * in actions.ts.
 */
import { messageCard } from '../../shared/cards/notice.js';
import { POLL_VERBS } from '../cards/poll.js';
import { CREATE_POLL_VERB, pollFormCard, REPEAT_PICK_VERB, repeatPickerCard } from '../cards/form.js';
import { pollListCard } from '../cards/list.js';
import { planForNetwork } from '../../plan/sql/plan.js';
import { listPolls } from '../sql/polls.js';
import { pollPolicy } from '../../shared/policy.js';
import { pollStatus } from '../domain/polls.js';
import type { Network } from '../../shared/types.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, Command } from '../../shared/bot/routes.js';
import type { PollBotDeps, PollCommandContext } from './deps.js';
import { t } from '../messages.js';

/** Plan items a poll may belong to: from yesterday on, soonest first. */
export async function planItemsForForm(ctx: BotTurn, network: Network) {
  const since = ctx.deps.now().getTime() - 24 * 3600_000;
  return (await planForNetwork(ctx.deps.db, network.id)).filter((i) => i.endsAt.getTime() >= since).slice(0, 20);
}

async function allowed(ctx: PollCommandContext): Promise<boolean> {
  const decision = pollPolicy.managePolls(ctx.actor, ctx.network!);
  if (!decision.allowed) await sendCard(ctx, messageCard(t('bot.notAllowed'), decision.message, 'attention'));
  return decision.allowed;
}

async function newPoll(ctx: PollCommandContext): Promise<void> {
  const network = ctx.network!;
  if (!(await allowed(ctx))) return;
  const sig = (await ctx.deps.polls.keys()).sign(CREATE_POLL_VERB, network.id);
  await sendCard(ctx, pollFormCard(network, sig, await planItemsForForm(ctx, network), ctx.args ? { question: ctx.args.slice(0, 300) } : {}));
}

async function repeatPoll(ctx: PollCommandContext): Promise<void> {
  const network = ctx.network!;
  if (!(await allowed(ctx))) return;
  const candidates = (await listPolls(ctx.deps.db, network.id, 50)).filter((p) => !p.repeatedBy).slice(0, 8);
  const sig = (await ctx.deps.polls.keys()).sign(REPEAT_PICK_VERB, network.id);
  await sendCard(ctx, repeatPickerCard(network, sig, candidates));
}

async function showPolls(ctx: PollCommandContext): Promise<void> {
  const network = ctx.network!;
  const keys = await ctx.deps.polls.keys();
  const now = ctx.deps.now();
  const rows = (await listPolls(ctx.deps.db, network.id, 8)).map((p) => ({
    id: p.id,
    question: p.question,
    kind: p.kind,
    status: pollStatus(p, now),
    respondents: p.respondents,
    anonymous: p.anonymous,
    createdAt: p.createdAt,
    isRepeat: p.repeatOf !== null,
    showSignature: keys.sign(POLL_VERBS.show, p.id),
  }));
  await sendCard(ctx, pollListCard(network.name, rows));
}

export const pollCommands: Command<PollBotDeps>[] = [
  {
    verb: 'ny måling', // i18n-ignore: the command's id and its words in bokmål, nynorsk and English
    aliases: ['ny måling', 'ny meningsmåling', 'ny meiningsmåling', 'lag måling', 'lag ei måling', 'new poll', 'create poll'], // i18n-ignore
    get description() {
      return t('command.new');
    },
    audience: 'network',
    run: newPoll,
  },
  {
    verb: 'gjenta måling', // i18n-ignore
    aliases: ['gjenta måling', 'gjenta meningsmåling', 'gjenta meiningsmåling', 'ettermåling', 'repeat poll', 'follow-up poll'], // i18n-ignore
    get description() {
      return t('command.repeat');
    },
    audience: 'network',
    run: repeatPoll,
  },
  {
    verb: 'målinger', // i18n-ignore
    aliases: ['målinger', 'meningsmålinger', 'målingar', 'meiningsmålingar', 'resultater', 'resultat', 'polls', 'poll results'], // i18n-ignore
    get description() {
      return t('command.list');
    },
    audience: 'network',
    run: showPolls,
  },
];
