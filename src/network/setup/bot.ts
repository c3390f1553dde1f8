import type { BotDeps } from '../../shared/bot/deps.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, CardAction } from '../../shared/bot/routes.js';
import type { AdaptiveCard } from '../../shared/cards/card.js';
import { z } from '../../shared/validation.js';
import { findNetworkByTeam } from '../sql/networks.js';
import { createdCard, noNetworkCard, notAllowedCard, setupCard, SETUP_VERB, SHOW_SETUP_VERB, type SetupValues } from './cards.js';
import { createNetwork } from './create.js';
import type { NetworkCreatorCheck, Person } from './creators.js';
import { refuse } from './input.js';
import { setupOptions } from './options.js';
import { t } from './messages.js';

/** What the set-up handlers need beyond BotDeps: who may create networks. */
export interface SetupBotDeps extends BotDeps {
  creators: NetworkCreatorCheck;
}

type Ctx = BotTurn<SetupBotDeps>;

function personOf(ctx: Ctx): Person {
  return {
    tenantId: ctx.turn.activity.conversation.tenantId ?? '',
    aadObjectId: ctx.turn.activity.from.aadObjectId?.toLowerCase() ?? '',
  };
}

/** The team the turn is in, if it has no network yet (a team bound to one never gets the form). */
async function unboundTeam(ctx: Ctx): Promise<string | undefined> {
  const teamId = ctx.turn.activity.conversation.teamId;
  if (!teamId) return undefined;
  return (await findNetworkByTeam(ctx.deps.db, teamId)) ? undefined : teamId;
}

async function formOrRefusal(ctx: Ctx): Promise<AdaptiveCard> {
  const allowed = await ctx.deps.creators.check(personOf(ctx));
  if (!allowed.ok) return notAllowedCard(allowed.error.message);
  return setupCard(await setupOptions(ctx.deps.db));
}

/**
 * The app was added to a team: a team with no network gets the set-up form for the person who
 * added it (or, if they may not create networks, who to ask). Returns whether it answered.
 */
export async function offerSetupOnInstall(ctx: Ctx): Promise<boolean> {
  if (!(await unboundTeam(ctx))) return false;
  await sendCard(ctx, await formOrRefusal(ctx));
  return true;
}

/** A network command where there is none: the steps, and in an unbound team the form's button for who may use it. */
export async function noNetworkReply(ctx: Ctx): Promise<void> {
  const team = await unboundTeam(ctx);
  const mayCreate = team !== undefined && (await ctx.deps.creators.check(personOf(ctx))).ok;
  await sendCard(ctx, noNetworkCard(mayCreate));
}

const asList = (v: unknown): string[] | undefined =>
  typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(v) ? v.map(String) : undefined;

function valuesOf(data: Record<string, unknown>): SetupValues {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    name: str(data.name),
    region: str(data.region),
    reform: str(data.reform),
    bodies: asList(data.bodies),
    counties: asList(data.counties),
    municipalities: asList(data.municipalities),
  };
}

// The payload is checked by createNetwork's schema, so a bad field gives the same form back with its message.
const anyPayload = z.record(z.string(), z.unknown());

const submitSetup: CardAction<Record<string, unknown>, SetupBotDeps> = {
  verb: SETUP_VERB,
  schema: anyPayload,
  async run(ctx, data) {
    const options = await setupOptions(ctx.deps.db);
    const values = valuesOf(data);
    const teamId = ctx.turn.activity.conversation.teamId;
    if (!teamId) return setupCard(options, values, fieldText('teamId'));
    const allowed = await ctx.deps.creators.check(personOf(ctx));
    if (!allowed.ok) return notAllowedCard(allowed.error.message);
    const created = await createNetwork(
      ctx.deps.db,
      { ...personOf(ctx), displayName: ctx.turn.activity.from.name },
      { ...data, teamId },
      teamId,
    );
    if (!created.ok) return setupCard(options, values, created.error.message);
    return createdCard(created.value);
  },
};

function fieldText(field: 'teamId'): string {
  const r = refuse(field, t('input.teamMissing'));
  return r.ok ? '' : r.error.message;
}

const showSetup: CardAction<Record<string, unknown>, SetupBotDeps> = {
  verb: SHOW_SETUP_VERB,
  schema: anyPayload,
  async run(ctx) {
    if (!(await unboundTeam(ctx))) return noNetworkCard(false);
    return formOrRefusal(ctx);
  },
};

export const setupActions: CardAction<any, SetupBotDeps>[] = [submitSetup, showSetup];
