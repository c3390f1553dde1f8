import { CardFactory, MessageFactory, TeamsInfo } from 'botbuilder';
import type { AdaptiveCard } from '../shared/cards/card.js';
import { messageCard } from '../network/cards/onboarding.js';
import { planCard } from '../plan/cards/plan.js';
import { helpCard } from '../network/cards/welcome.js';
import { recordAudit } from '../shared/sql/audit.js';
import { upsertTeamsMember } from '../network/sql/members.js';
import { findNetworkBySlug, setNetworkTeam } from '../network/sql/networks.js';
import { planForNetwork } from '../plan/sql/plan.js';
import { policy } from '../shared/policy.js';
import { teamIdOf, tenantIdOf } from '../platform/teams/conversation.js';
import { focusCommands } from '../focus/bot/commands.js';
import { mellomarbeidCommands } from '../mellomarbeid/bot/commands.js';
import { pollCommands } from '../polls/bot/commands.js';
import { reflectionCommands } from '../reflections/bot/commands.js';
import { reminderCommands } from '../reminders/bot/commands.js';
import type { Command, CommandContext } from '../shared/bot/routes.js';

export async function sendCard(ctx: { turn: CommandContext['turn'] }, card: AdaptiveCard): Promise<void> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) message.summary = card.fallbackText.split('\n')[0];
  await ctx.turn.sendActivity(message);
}

export const NO_NETWORK =
  'Denne samtalen er ikke koblet til et læringsnettverk ennå. Be en fasilitator skrive «koble» i nettverkets team, eller legge deg til i nettverket.';

async function showPlan(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const items = await planForNetwork(ctx.deps.db, network.id);
  await sendCard(ctx, planCard(network, items, ctx.deps.now()));
}

async function showHelp(ctx: CommandContext): Promise<void> {
  await sendCard(ctx, helpCard(helpEntries()));
}

/** «koble [nettverk]»: a facilitator binds the team this is typed in to their network. */
async function bindTeam(ctx: CommandContext): Promise<void> {
  const teamId = teamIdOf(ctx.turn.activity);
  if (!teamId) {
    await ctx.turn.sendActivity('Skriv «koble» i en kanal i teamet som skal høre til nettverket.');
    return;
  }
  const target = ctx.args ? await findNetworkBySlug(ctx.deps.db, ctx.args.toLowerCase()) : ctx.network;
  if (!target) {
    await ctx.turn.sendActivity('Fant ikke nettverket. Skriv «koble» fulgt av nettverkets kortnavn, for eksempel «koble usht-viken».');
    return;
  }
  const decision = policy.editNetwork(ctx.actor, target);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard('Kan ikke koble teamet', decision.message, 'attention'));
    return;
  }
  await ctx.deps.db.transaction(async (tx) => {
    await setNetworkTeam(tx, target.id, teamId);
    await recordAudit(tx, {
      actorMemberId: ctx.actor.memberId,
      actorName: ctx.actor.displayName,
      regionId: target.regionId,
      networkId: target.id,
      action: 'team.koblet',
      target: target.name,
      details: { teamId },
    });
  });
  await sendCard(ctx, messageCard('Teamet er koblet', `Dette teamet hører nå til ${target.name}.`));
}

/** «synk medlemmer»: reads the team roster page by page and records everyone's identity. */
async function syncRoster(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const decision = policy.manageMembers(ctx.actor, network);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard('Kan ikke synkronisere', decision.message, 'attention'));
    return;
  }
  const teamId = teamIdOf(ctx.turn.activity);
  const tenantId = tenantIdOf(ctx.turn.activity);
  if (!teamId || !tenantId) {
    await ctx.turn.sendActivity('Skriv «synk medlemmer» i en kanal i nettverkets team.');
    return;
  }
  let continuationToken: string | undefined;
  let seen = 0;
  let created = 0;
  do {
    // The paged call: the unpaged one is retired for large teams.
    const page = await TeamsInfo.getPagedMembers(ctx.turn, 100, continuationToken);
    for (const person of page.members) {
      if (!person.aadObjectId) continue;
      seen++;
      // The roster is Teams' own word on the name; the sector stays the person's choice.
      const synced = await upsertTeamsMember(ctx.deps.db, {
        tenantId,
        aadObjectId: person.aadObjectId.toLowerCase(),
        displayName: person.name?.trim() || 'Uten navn',
      });
      if (synced.created) created++;
    }
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  await recordAudit(ctx.deps.db, {
    actorMemberId: ctx.actor.memberId,
    actorName: ctx.actor.displayName,
    regionId: network.regionId,
    networkId: network.id,
    action: 'medlemmer.synkronisert',
    target: network.name,
    details: { iTeamet: seen, nye: created },
  });
  await sendCard(
    ctx,
    messageCard(
      'Medlemslisten er synkronisert',
      `Fant ${seen} personer i teamet, ${created} nye. De som ikke har valgt kommune og sektor ennå, blir spurt første gang de skriver til meg.`,
    ),
  );
}

export const commandTable: readonly Command[] = [
  { verb: 'hjelp', aliases: ['hjelp', 'help', '?'], description: 'Vis hva jeg kan hjelpe med', audience: 'anyone', run: showHelp },
  {
    verb: 'plan',
    aliases: ['plan', 'aktivitetsplan', 'aktivitetsplanen', 'activity plan'],
    description: 'Vis aktivitetsplanen for nettverket',
    audience: 'network',
    run: showPlan,
  },
  {
    verb: 'koble',
    aliases: ['koble', 'koble team', 'link team'],
    description: 'Koble dette teamet til nettverket ditt (fasilitator)',
    audience: 'anyone',
    run: bindTeam,
  },
  {
    verb: 'synk medlemmer',
    aliases: ['synk medlemmer', 'synkroniser medlemmer', 'sync members'],
    description: 'Hent medlemslisten fra teamet (fasilitator)',
    audience: 'network',
    run: syncRoster,
  },
  ...reflectionCommands,
  ...mellomarbeidCommands,
  ...focusCommands,
  ...reminderCommands,
  ...pollCommands,
];

export function helpEntries(): { command: string; description: string }[] {
  return commandTable.map((c) => ({ command: c.verb, description: c.description }));
}
