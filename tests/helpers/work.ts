import { message, cardAction, type ActivityOptions } from './activities.js';
import type { TestApp } from './app.js';

/** Shared bits of the reflection and mellomarbeid suites (issue 5). */

export type Json = Record<string, any>;
export const cardOf = (a: Json | undefined): Json => a?.attachments?.[0]?.content;

export interface Person {
  aadObjectId: string;
  displayName: string;
}

export { testClock } from './clock.js';

export const personal = (t: TestApp, who: Person, conversationId: string): ActivityOptions & { conversationId: string } => ({
  serviceUrl: t.connector.url,
  conversationId,
  conversationType: 'personal',
  fromAadObjectId: who.aadObjectId,
  fromName: who.displayName,
});

/** Sends a message and returns the cards the bot answered with in that conversation. */
export async function say(t: TestApp, text: string, o: ActivityOptions & { conversationId: string }): Promise<Json[]> {
  const before = t.connector.sentActivities(o.conversationId).length;
  const res = await t.post('/api/messages', message(text, o));
  if (res.status >= 300) throw new Error(`bot svarte ${res.status}: ${JSON.stringify(res.json)}`);
  const sent = await t.connector.waitForActivities(before + 1, o.conversationId);
  return sent.slice(before);
}

/** Presses an Action.Execute button; returns the card the invoke response puts in its place. */
export async function press(t: TestApp, verb: string, data: Json, o: ActivityOptions & { conversationId: string }): Promise<Json> {
  const res = await t.post('/api/messages', cardAction(verb, data, o));
  if (res.status !== 200) throw new Error(`invoke svarte ${res.status}: ${JSON.stringify(res.json)}`);
  return res.json.value;
}

export async function put(t: TestApp, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const r = await fetch(t.url + path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
}

export const count = async (t: TestApp, sql: string, params: unknown[] = []): Promise<number> =>
  (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

/** Every TextBlock text and input value in a card, for «does it say …» checks. */
export const cardText = (card: Json): string => JSON.stringify(card);

export function findInput(card: Json, id: string): Json | undefined {
  const walk = (items: Json[] | undefined): Json | undefined => {
    for (const item of items ?? []) {
      if (item.id === id) return item;
      const inner = walk(item.items) ?? walk(item.body) ?? walk(item.columns);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(card.body);
}
