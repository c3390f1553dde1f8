import { DEMO_TENANT_ID, demoMembers } from './demo.js';
import type { Answer, PollDefinition } from '../polls/domain/polls.js';
import type { Transaction } from '../platform/db/port.js';
import { upsertVote } from '../polls/sql/votes.js';

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

/**
 * A finished before/after pair from a past seminar, so the tab's «Målinger» shows a comparison
 * from the start. Seed keys make it idempotent; an existing demo gets it once.
 */
export async function seedDemoPolls(tx: Transaction, networkId: string, now: Date): Promise<void> {
  const day = 24 * 3600_000;
  const start = new Date(Math.floor((now.getTime() - 7 * day) / day) * day + 8 * 3600_000); // 10:00 or 09:00 Oslo, a week ago
  const insert = async (seedKey: string, opensAt: Date, closedAt: Date, repeatOf: string | null) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO poll (network_id, repeat_of, kind, question, options, anonymous, breakdown, opens_at, closed_at, seed_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $10, $7, $8, $9, $7)
       ON CONFLICT (network_id, seed_key) DO NOTHING RETURNING id`,
      [networkId, repeatOf, SEED_001.kind, SEED_001.question, SEED_001.options, SEED_001.anonymous, opensAt.toISOString(), closedAt.toISOString(), seedKey, SEED_001.breakdown],
    );
    return rows[0]?.id;
  };
  const beforeId = await insert('demo-maling-for', start, new Date(start.getTime() + 30 * 60_000), null);
  if (!beforeId) return;
  const afterOpens = new Date(start.getTime() + 5 * 3600_000);
  const afterId = await insert('demo-maling-etter', afterOpens, new Date(afterOpens.getTime() + 30 * 60_000), beforeId);
  const { rows: people } = await tx.query<{ id: string; display_name: string; municipality_number: string | null }>(
    `SELECT m.id, m.display_name, nm.municipality_number FROM member m JOIN network_member nm ON nm.member_id = m.id
      WHERE nm.network_id = $1 AND m.tenant_id = $2 AND m.aad_object_id = ANY($3::text[])`,
    [networkId, DEMO_TENANT_ID, demoMembers.map((m) => m.aadObjectId)],
  );
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
      await tx.query(`UPDATE poll SET closed_at = NULL WHERE id = $1`, [pollId]);
      await upsertVote(tx, { pollId, voterKey: person.id, memberId: person.id, municipalityNumber: person.municipality_number?.trim() ?? null, answer, now: new Date(at.getTime() + 60_000) });
      await tx.query(`UPDATE poll SET closed_at = opens_at + interval '30 minutes' WHERE id = $1`, [pollId]);
    }
  }
}
