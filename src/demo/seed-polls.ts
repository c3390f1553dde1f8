import { DEMO_TENANT_ID, demoMembers } from './demo.js';
import type { Answer, PollDefinition } from '../polls/domain/polls.js';
import type { Transaction } from '../platform/db/port.js';
import { upsertVote } from '../polls/sql/votes.js';
import { closeSeedPoll, demoPeopleInNetwork, insertPlannedSeedPoll, insertSeedPoll, openSeedPollForVoting, seededPlanItems } from './sql/seed.js';

/** Seed 001: the same question at the start and at the end of the seminar. */
const SEED_001: PollDefinition = {
  kind: 'enkeltvalg',
  question: 'Hvordan vil Leve hele livet bidra til forandring i din kommune?',
  options: ['I stor grad', 'I noen grad', 'I liten grad', 'Vet ikke ennå'],
  maxChoices: null,
  scale: null,
  anonymous: false,
  breakdown: 'both',
};

/** Who answered what, before and after (option index), among the demo members. */
const DEMO_ANSWERS: Record<string, [number, number]> = {
  'Kari Nordmann': [2, 1],
  'Ola Berg': [1, 0],
  'Aisha Rahman': [3, 1],
  'Ingrid Haugen': [1, 0],
};

/** The «før» poll of the demo's Samling 1 (its seed key). */
export const DEMO_MEETING_POLL_KEY = 'demo-samling-1-for';

/**
 * Seed 001's question as the «før» poll of the demo's coming Samling 1, named, set to open when
 * its Teams meeting starts (the samling's start is the fallback) and to close at its end: the
 * side panel's «Åpne nå» and the meeting's start have a poll to open. Only while the samling is
 * still ahead or running, once (its seed key).
 */
async function seedSamlingPoll(tx: Transaction, networkId: string, now: Date): Promise<void> {
  const samling1 = (await seededPlanItems(tx, networkId)).find((i) => i.seedKey === 'samling-1');
  if (!samling1 || new Date(samling1.endsAt) <= now) return;
  await insertPlannedSeedPoll(tx, SEED_001, {
    networkId,
    seedKey: DEMO_MEETING_POLL_KEY,
    planItemId: samling1.id,
    opensAt: new Date(samling1.startsAt),
    closesAt: new Date(samling1.endsAt),
    opensAtMeetingStart: true,
    // Planned before the earlier seminar's pair was made, so the tab's list (newest first) still
    // opens on that finished comparison.
    createdAt: new Date(now.getTime() - 8 * 24 * 3600_000),
  });
}

/**
 * A finished before/after pair from a past seminar, so the tab's «Målinger» shows a comparison
 * from the start. Seed keys make it idempotent; an existing demo gets it once.
 */
export async function seedDemoPolls(tx: Transaction, networkId: string, now: Date): Promise<void> {
  await seedSamlingPoll(tx, networkId, now);
  const day = 24 * 3600_000;
  const start = new Date(Math.floor((now.getTime() - 7 * day) / day) * day + 8 * 3600_000); // 10:00 or 09:00 Oslo, a week ago
  const insert = (seedKey: string, opensAt: Date, closedAt: Date, repeatOf: string | null) =>
    insertSeedPoll(tx, SEED_001, { networkId, seedKey, repeatOf, opensAt, closedAt });
  const beforeId = await insert('demo-maling-for', start, new Date(start.getTime() + 30 * 60_000), null);
  if (!beforeId) return;
  const afterOpens = new Date(start.getTime() + 5 * 3600_000);
  const afterId = await insert('demo-maling-etter', afterOpens, new Date(afterOpens.getTime() + 30 * 60_000), beforeId);
  const people = await demoPeopleInNetwork(tx, networkId, DEMO_TENANT_ID, demoMembers.map((m) => m.aadObjectId));
  for (const person of people) {
    const answers = DEMO_ANSWERS[person.display_name];
    if (!answers) continue;
    for (const [pollId, choice, at] of [
      [beforeId, answers[0], start],
      [afterId, answers[1], afterOpens],
    ] as const) {
      if (!pollId) continue;
      const answer: Answer = { kind: 'valg', choices: [choice] };
      // Written while the poll was open, then closed: the same statement every vote goes through.
      await openSeedPollForVoting(tx, pollId);
      await upsertVote(tx, { pollId, voterKey: person.id, memberId: person.id, municipalityNumber: person.municipality_number?.trim() ?? null, answer, now: new Date(at.getTime() + 60_000) });
      await closeSeedPoll(tx, pollId);
    }
  }
}
