import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEMO_TEAM_ID } from '../../src/demo/demo.js';
import { cardAction, message, type ActivityOptions } from './activities.js';
import type { TestApp } from './app.js';
import { ingrid } from './people.js';
import { waitFor } from './wait.js';

export type Json = Record<string, any>;
export const cardOf = (activity: Json): Json => activity.attachments?.[0]?.content;

/**
 * The demo network's team channel (the Playground's team), as a fresh conversation each time:
 * the bot remembers conversations per process, so ids must not repeat across test apps.
 */
export function channel(t: TestApp, suffix: string): ActivityOptions {
  return { serviceUrl: t.connector.url, conversationType: 'channel', teamId: DEMO_TEAM_ID, conversationId: `${DEMO_TEAM_ID};messageid=${suffix}-${randomUUID()}` };
}

export function as(o: ActivityOptions, person: { aadObjectId: string; displayName?: string }): ActivityOptions {
  return { ...o, fromAadObjectId: person.aadObjectId, fromName: person.displayName ?? 'Testbruker' };
}

export interface PostedPoll {
  pollId: string;
  card: Json;
  activityId: string;
  /** data of the card's «Send svar» (pollId, sig, verb). */
  vote: Json;
  /** data for «maling.vis». */
  show: Json;
}

/** «ny måling» in the conversation, then the form's Action.Execute, as a facilitator. */
export async function createViaBot(t: TestApp, o: ActivityOptions, form: Record<string, string>, who = ingrid): Promise<PostedPoll> {
  const before = t.connector.sentActivities(o.conversationId).length;
  await t.post('/api/messages', message('ny måling', as(o, who), o.conversationType !== 'personal'));
  const sent = await t.connector.waitForActivities(before + 1, o.conversationId);
  const formCard = cardOf(sent[before]!);
  const submit = formCard.actions[0];
  expect(submit.verb).toBe('maling.opprett');
  const res = await t.post('/api/messages', cardAction(submit.verb, { ...submit.data, anonymous: 'false', sendToAll: 'false', ...form }, as(o, who)));
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.json.value)).toContain('Målingen er opprettet');
  const all = await t.connector.waitForActivities(before + 2, o.conversationId);
  return postedPoll(t, all[before + 1]!, o.conversationId!);
}

/** The poll behind a posted card, with the activity id Teams (the fake) gave it. */
export async function postedPoll(t: TestApp, posted: Json, conversationId: string): Promise<PostedPoll> {
  const card = cardOf(posted);
  const voteAction = card.actions.find((a: Json) => a.verb === 'maling.svar');
  const showData = card.refresh?.action.data ?? card.actions.find((a: Json) => a.verb === 'maling.vis')?.data;
  const pollId = voteAction.data.pollId as string;
  // The app records the activity id once Teams (the fake) has answered: wait for it.
  let activityId = '';
  await waitFor(
    async () => {
      const { rows } = await t.app.db.query<{ activity_id: string | null }>(`SELECT activity_id FROM poll_post WHERE poll_id = $1 AND conversation_id = $2`, [
        pollId,
        conversationId,
      ]);
      activityId = rows[0]?.activity_id ?? '';
      return activityId !== '';
    },
    { what: `the activity id of poll ${pollId} in ${conversationId}` },
  );
  return { pollId, card, activityId, vote: voteAction.data, show: showData };
}

/** An Action.Execute press of «Send svar» with the given input value. */
export async function vote(t: TestApp, poll: PostedPoll, svar: unknown, o: ActivityOptions): Promise<{ status: number; card: Json; text: string }> {
  const res = await t.post('/api/messages', cardAction('maling.svar', { ...poll.vote, svar }, o));
  return { status: res.status, card: res.json?.value, text: JSON.stringify(res.json?.value ?? res.json) };
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
}

/** Card updates (PUT …/activities/:id) the connector received for one activity. */
export function updatesOf(t: TestApp, activityId: string): Json[] {
  return t.connector.calls.filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${encodeURIComponent(activityId)}`)).map((c) => c.body);
}

export const texts = (card: Json): string[] =>
  JSON.stringify(card)
    .match(/"text":"[^"]*"/g)
    ?.map((s) => s.slice(8, -1)) ?? [];
