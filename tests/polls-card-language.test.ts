/**
 * A shared poll card keeps the language it was posted in when it is updated after a restart, or
 * by another instance (poll_post.locale): it was kept in one process's memory, and such updates
 * came in bokmål.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cardAction, message } from './helpers/activities.js';
import { startTestAppOn } from './helpers/app.js';
import { databaseKinds, reopenableStorage, skipKind, type ReopenableStorage } from './helpers/databases.js';
import { FakeConnector } from './helpers/fake-connector.js';
import { ingrid, kari } from './helpers/people.js';
import { as, cardOf, channel, postedPoll, texts, updatesOf } from './helpers/polls.js';
import { waitFor } from './helpers/wait.js';

const english = <A extends object>(activity: A) => ({ ...activity, locale: 'en-US' });
const env = { POLL_CARD_UPDATE_MS: '30', JOB_POLL_SECONDS: '0.5' };

const stores: ReopenableStorage[] = [];
afterAll(() => stores.forEach((s) => s.remove()));

describe.each(databaseKinds)('a shared poll card’s language on %s', (kind) => {
  it.skipIf(skipKind(kind))('stays English when a vote after a restart updates it', async () => {
    const store = await reopenableStorage(kind, 'samlingspunkt-kortspraak-');
    stores.push(store);
    const connector = await new FakeConnector().start();
    try {
      let t = await startTestAppOn(await store.open(), store.schedulerSchema, connector, env);
      const o = channel(t, 'language-restart');
      await t.post('/api/messages', english(message('new poll', as(o, ingrid), true)));
      const form = cardOf((await connector.waitForActivities(1, o.conversationId))[0]!);
      const submit = form.actions[0];
      await t.post('/api/messages', english(cardAction(submit.verb, { ...submit.data, anonymous: 'false', sendToAll: 'false', question: 'Coffee?', kind: 'enkeltvalg', options: 'Yes\nNo' }, as(o, ingrid))));
      const poll = await postedPoll(t, (await connector.waitForActivities(2, o.conversationId))[1]!, o.conversationId!);
      expect(texts(poll.card)).toContain('Open · 0 answers');
      await t.close();

      // Kari's Teams is in bokmål: her own receipt is bokmål, the card everyone sees stays English.
      t = await startTestAppOn(await store.open(), store.schedulerSchema, connector, env);
      try {
        const receipt = await t.post('/api/messages', { ...cardAction('maling.svar', { ...poll.vote, svar: '0' }, as(o, kari)), locale: 'nb-NO' });
        expect(texts(receipt.json.value)).toContain('Takk! Svaret ditt er lagret.');
        await waitFor(() => updatesOf(t, poll.activityId).some((u) => texts(cardOf(u)).includes('Open · 1 answer')), {
          what: 'the shared card updated in English by the restarted app',
        });
        expect(updatesOf(t, poll.activityId).every((u) => !texts(cardOf(u)).join('\n').match(/Åpen|svar\b/))).toBe(true);
      } finally {
        await t.close();
      }
    } finally {
      await connector.stop();
    }
  });
});
