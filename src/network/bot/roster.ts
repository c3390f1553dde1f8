/**
 * The team roster facilitators invite from (GET …/roster): kept by «synk medlemmer» and by
 * Teams telling the bot that people joined or left a team (conversationUpdate). Being on the
 * roster makes nobody a member of a network.
 */
import type { BotDeps } from '../../shared/bot/deps.js';
import type { InboundActivity } from '../../shared/bot/turn.js';
import { removeRosterPeople, upsertRosterPeople } from '../sql/roster.js';

/** conversationUpdate in a team with membersAdded/membersRemoved: the roster follows. Elsewhere, nothing. */
export async function recordTeamMembershipChange(deps: Pick<BotDeps, 'db'>, activity: InboundActivity, now: Date): Promise<void> {
  const { teamId, tenantId } = activity.conversation;
  if (!teamId || !tenantId) return;
  const added = (activity.membersAdded ?? []).filter((m) => m.aadObjectId);
  const removed = (activity.membersRemoved ?? []).filter((m) => m.aadObjectId);
  if (added.length === 0 && removed.length === 0) return;
  await deps.db.transaction(async (tx) => {
    await upsertRosterPeople(
      tx,
      teamId,
      tenantId,
      added.map((m) => ({ aadObjectId: m.aadObjectId!, displayName: m.name?.trim().slice(0, 200) || null })),
      now,
    );
    await removeRosterPeople(tx, teamId, removed.map((m) => m.aadObjectId!));
  });
}
