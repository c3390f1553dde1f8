import type { AdaptiveCard } from '../../shared/cards/card.js';
import { WORK_OPEN_VERB, WORK_UPDATE_VERB, workCard } from '../cards/mellomarbeid.js';
import { workOverviewCard } from '../cards/overview.js';
import { messageCard, refusalCard } from '../../shared/cards/notice.js';
import { formatList } from '../../platform/i18n/format.js';
import { intlTag } from '../../platform/i18n/locale.js';
import { currentLocale } from '../../platform/i18n/context.js';
import { t } from '../messages.js';
import { assignmentsOfNetwork, findAssignment, findWork, workOfNetwork } from '../sql/mellomarbeid.js';
import { networkMunicipalities } from '../../network/sql/members.js';
import { findNetworkById } from '../../network/sql/networks.js';
import { workStatusLabel, workStatuses, type WorkRole } from '../domain/mellomarbeid.js';
import { policy } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import { updateWork, workRoleOf } from '../use-cases.js';
import { text, z } from '../../shared/validation.js';
import { inSharedConversation, replyPrivately, sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, CardAction, Command, CommandContext } from '../../shared/bot/routes.js';

const MAX_CARDS = 5;

function roleFor(ctx: BotTurn, network: Network, municipalityNumber: string): WorkRole | null {
  const role = workRoleOf(ctx.actor, network, municipalityNumber);
  return role.ok ? role.value : null;
}

async function municipalityCards(ctx: BotTurn, network: Network, municipalityNumber: string): Promise<AdaptiveCard[]> {
  const [assignments, work] = await Promise.all([
    assignmentsOfNetwork(ctx.deps.db, network.id),
    workOfNetwork(ctx.deps.db, network.id, municipalityNumber),
  ]);
  const now = ctx.deps.now();
  const role = roleFor(ctx, network, municipalityNumber);
  return work
    .map((w) => ({ w, a: assignments.find((a) => a.id === w.assignmentId)! }))
    // Nearest due first, finished work last.
    .sort((x, y) => Number(x.w.status === 'tilbakemelding-gitt') - Number(y.w.status === 'tilbakemelding-gitt') || x.a.dueAt.getTime() - y.a.dueAt.getTime())
    .slice(0, MAX_CARDS)
    .map(({ w, a }) => workCard({ assignment: a, work: w, role, now }));
}

/**
 * «mellomarbeid [kommune]»: a deltaker gets their municipality's work with the next steps;
 * facilitators and coordinators get the overview, or one municipality's work by name.
 */
async function mellomarbeid(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const own = ctx.actor.memberships.find((m) => m.networkId === network.id);
  const municipalities = await networkMunicipalities(ctx.deps.db, network.id);
  const lower = (s: string) => s.toLocaleLowerCase(intlTag[currentLocale()]);
  const named = ctx.args ? municipalities.find((m) => lower(m.name) === lower(ctx.args)) : undefined;
  if (ctx.args && !named) {
    const names = formatList(municipalities.map((m) => m.name));
    await sendCard(ctx, messageCard(t('bot.municipalityNotFound'), t('bot.municipalityNotInNetwork', { name: ctx.args.slice(0, 60), names }), 'attention'));
    return;
  }
  const municipalityNumber = named?.number ?? (own?.role === 'deltaker' ? own.municipalityNumber : null);
  if (!municipalityNumber) {
    const [assignments, work] = await Promise.all([assignmentsOfNetwork(ctx.deps.db, network.id), workOfNetwork(ctx.deps.db, network.id)]);
    // In a channel or group chat everyone sees it in the asker's language (the turn's scope).
    await sendCard(ctx, workOverviewCard(network.name, assignments, work, ctx.deps.now()));
    return;
  }
  const allowed = policy.viewMunicipalityWork(ctx.actor, network, municipalityNumber);
  if (!allowed.allowed) {
    await sendCard(ctx, refusalCard({ code: 'ingen-tilgang', message: allowed.message }));
    return;
  }
  const cards = await municipalityCards(ctx, network, municipalityNumber);
  if (cards.length === 0) {
    const name = municipalities.find((m) => m.number === municipalityNumber)?.name ?? t('bot.theMunicipality');
    await sendCard(ctx, messageCard(t('bot.noWorkTitle'), t('bot.noWork', { name })));
    return;
  }
  await replyPrivately(ctx, cards);
}

export const mellomarbeidCommands: readonly Command[] = [
  {
    verb: 'mellomarbeid',
    // The same words in bokmål and nynorsk; English has its own.
    aliases: ['mellomarbeid', 'mellomarbeidet', 'assignments', 'assignment', 'work between seminars'],
    get description() {
      return t('bot.description');
    },
    audience: 'network',
    run: mellomarbeid,
  },
];

// ── Card actions ──

const ids = {
  assignmentId: z.uuid({ error: () => t('input.unknownAssignment') }),
  municipalityNumber: z.string().regex(/^\d{4}$/, { error: () => t('input.unknownMunicipality') }),
};

const updateSchema = z.object({
  ...ids,
  expectedStatus: z.enum(workStatuses, { error: () => t('input.unknownStatus') }).optional(),
  to: z.enum(workStatuses, { error: () => t('input.unknownStatus') }).optional(),
  // Lengths are checked by the domain, which names the limit.
  tekst: text().max(100_000).optional(),
  lenke: text().max(100_000).optional(),
  tilbakemelding: text().max(100_000).optional(),
});

async function networkOfWork(ctx: BotTurn, assignmentId: string): Promise<Network | undefined> {
  // The assignment names its network; the turn's network may be another one the person is in.
  const candidates = [ctx.network?.id, ...ctx.actor.memberships.map((m) => m.networkId)].filter((x): x is string => Boolean(x));
  for (const id of new Set(candidates)) {
    if (await findAssignment(ctx.deps.db, id, assignmentId)) return findNetworkById(ctx.deps.db, id);
  }
  return undefined;
}

const notFoundCard = (): AdaptiveCard => messageCard(t('bot.notFoundTitle'), t('bot.notFound'), 'attention');

export const workUpdateAction: CardAction<z.infer<typeof updateSchema>> = {
  verb: WORK_UPDATE_VERB,
  schema: updateSchema,
  async run(ctx, data) {
    const network = await networkOfWork(ctx, data.assignmentId);
    if (!network) return notFoundCard();
    const reviewing = data.to === 'tilbakemelding-gitt';
    const result = await updateWork(
      ctx.deps.db,
      ctx.actor,
      network,
      data.assignmentId,
      data.municipalityNumber,
      {
        expectedStatus: data.expectedStatus,
        to: data.to,
        ...(data.tekst !== undefined ? { submissionText: data.tekst } : {}),
        ...(data.lenke !== undefined ? { submissionUrl: data.lenke.trim() || null } : {}),
        ...(reviewing && data.tilbakemelding !== undefined ? { feedback: data.tilbakemelding } : {}),
      },
      ctx.deps.now(),
    );
    const now = ctx.deps.now();
    if (!result.ok) {
      const assignment = await findAssignment(ctx.deps.db, network.id, data.assignmentId);
      const work = assignment && (await findWork(ctx.deps.db, data.assignmentId, data.municipalityNumber));
      if (!assignment || !work || result.error.code === 'ingen-tilgang') return refusalCard(result.error, t('bot.notSaved'));
      return workCard({ assignment, work, role: roleFor(ctx, network, data.municipalityNumber), now, notice: { tone: 'attention', text: result.error.message } });
    }
    const { assignment, work } = result.value;
    const shared = ctx.turn.activity.type === 'message' && inSharedConversation(ctx);
    // Seen by the whole chat, in the language of the person who pressed (the turn's scope).
    if (shared) return messageCard(t('bot.updatedTitle'), t('bot.updated', { municipality: work.municipalityName, status: workStatusLabel[work.status] }));
    return workCard({ assignment, work, role: roleFor(ctx, network, data.municipalityNumber), now, notice: { tone: 'good', text: t('bot.saved', { status: workStatusLabel[work.status] }) } });
  },
};

export const workOpenAction: CardAction<{ assignmentId: string; municipalityNumber: string }> = {
  verb: WORK_OPEN_VERB,
  schema: z.object(ids),
  async run(ctx, data) {
    const network = await networkOfWork(ctx, data.assignmentId);
    const assignment = network && (await findAssignment(ctx.deps.db, network.id, data.assignmentId));
    if (!network || !assignment) return notFoundCard();
    const allowed = policy.viewMunicipalityWork(ctx.actor, network, data.municipalityNumber);
    if (!allowed.allowed) return refusalCard({ code: 'ingen-tilgang', message: allowed.message });
    const work = await findWork(ctx.deps.db, data.assignmentId, data.municipalityNumber);
    if (!work) return messageCard(t('bot.notFoundTitle'), t('update.notGiven'), 'attention');
    return workCard({ assignment, work, role: roleFor(ctx, network, data.municipalityNumber), now: ctx.deps.now() });
  },
};

export const mellomarbeidActions: readonly CardAction<any>[] = [workUpdateAction, workOpenAction];
