/** «koble» and «synk medlemmer»: a network's Teams team, bound and read by its facilitators. */
import { messageCard } from '../../shared/cards/notice.js';
import { upsertTeamsMember } from '../sql/members.js';
import { removeRosterPeopleNotSeenSince, upsertRosterPeople } from '../sql/roster.js';
import { findNetworkBySlug, setNetworkTeam } from '../sql/networks.js';
import { recordAudit } from '../../shared/sql/audit.js';
import { policy } from '../../shared/policy.js';
import { sendCard } from '../../shared/bot/reply.js';
import { formatCount } from '../../platform/i18n/format.js';
import type { Command, CommandContext } from '../../shared/bot/routes.js';
import { t } from '../messages.js';

/** «koble [nettverk]»: a facilitator binds the team this is typed in to their network. */
async function bindTeam(ctx: CommandContext): Promise<void> {
  const { teamId } = ctx.turn.activity.conversation;
  if (!teamId) {
    await ctx.turn.reply(t('team.bindWhere'));
    return;
  }
  const target = ctx.args ? await findNetworkBySlug(ctx.deps.db, ctx.args.toLowerCase()) : ctx.network;
  if (!target) {
    await ctx.turn.reply(t('team.bindNotFound'));
    return;
  }
  const decision = policy.editNetwork(ctx.actor, target);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard(t('team.bindRefused'), decision.message, 'attention'));
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
  await sendCard(ctx, messageCard(t('team.boundTitle'), t('team.boundBody', { network: target.name })));
}

/** «synk medlemmer»: reads the team roster page by page and records everyone's identity. */
async function syncRoster(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const decision = policy.manageMembers(ctx.actor, network);
  if (!decision.allowed) {
    await sendCard(ctx, messageCard(t('team.syncRefused'), decision.message, 'attention'));
    return;
  }
  const { teamId, tenantId } = ctx.turn.activity.conversation;
  if (!teamId || !tenantId) {
    await ctx.turn.reply(t('team.syncWhere'));
    return;
  }
  let continuationToken: string | undefined;
  let seen = 0;
  let created = 0;
  // Everyone this read sees is stamped with its start; whoever keeps an older stamp has left.
  const startedAt = ctx.deps.now();
  do {
    const page = await ctx.turn.membersPage(100, continuationToken);
    const people = page.members.filter((p) => p.aadObjectId);
    for (const person of people) {
      seen++;
      // The roster is Teams' own word on the name; the sector stays the person's choice.
      const synced = await upsertTeamsMember(ctx.deps.db, {
        tenantId,
        aadObjectId: person.aadObjectId!.toLowerCase(),
        displayName: person.name?.trim() || t('member.noName'),
      });
      if (synced.created) created++;
    }
    // The team roster the admin view invites from (GET …/roster).
    await upsertRosterPeople(
      ctx.deps.db,
      teamId,
      tenantId,
      people.map((p) => ({ aadObjectId: p.aadObjectId!, displayName: p.name?.trim().slice(0, 200) || null })),
      startedAt,
    );
    continuationToken = page.continuationToken;
  } while (continuationToken);
  await removeRosterPeopleNotSeenSince(ctx.deps.db, teamId, startedAt);
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
    messageCard(t('team.syncedTitle'), t('team.syncedBody', { seen: formatCount(seen), created: formatCount(created) })),
  );
}

export const teamCommands: readonly Command[] = [
  {
    verb: 'koble',
    aliases: ['koble', 'koble team', 'kople', 'kople team', 'link team'],
    get description() {
      return t('team.bindDescription');
    },
    audience: 'anyone',
    run: bindTeam,
  },
  {
    verb: 'synk medlemmer',
    aliases: ['synk medlemmer', 'synkroniser medlemmer', 'sync members'],
    get description() {
      return t('team.syncDescription');
    },
    audience: 'network',
    run: syncRoster,
  },
];
