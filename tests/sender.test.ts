import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudAdapter } from '../src/platform/teams/adapter.js';
import { createSender } from '../src/platform/teams/sender.js';
import { parseRetryAfter, retryDelayMs, type ProactiveSender, type SenderSettings } from '../src/shared/proactive.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { Database } from '../src/platform/db/port.js';
import { upsertReferenceData } from '../src/reference/sql/reference.js';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../src/demo/demo.js';
import { createLogger } from '../src/platform/logging.js';
import { databaseKinds, openTestDatabase, skipKind } from './helpers/databases.js';
import { FakeConnector, TEAMS_LIMITS } from './helpers/fake-connector.js';
import { addPersonalConversation, addRecipients, addTeamConversation, demoNetworkId, personalConversationId } from './helpers/recipients.js';

const message = (text: string) => ({ type: 'message' as const, text });

describe('retry policy', () => {
  it('waits at least Retry-After (plus jitter), else backs off exponentially with jitter', () => {
    const s = { retryBaseMs: 1_000, retryMaxMs: 60_000 };
    expect(retryDelayMs(1, 3_000, s, () => 0)).toBe(3_000);
    expect(retryDelayMs(1, 3_000, s, () => 0.999)).toBeLessThan(3_500);
    expect(retryDelayMs(1, undefined, s, () => 0)).toBe(500);
    expect(retryDelayMs(3, undefined, s, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, undefined, s, () => 0.999)).toBeLessThanOrEqual(4_000);
    expect(retryDelayMs(20, undefined, s, () => 1)).toBeLessThanOrEqual(60_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('tull')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe.each(databaseKinds)('the proactive sender on %s', (kind) => {
  let db: Database;
  let fake: FakeConnector;
  let networkId = '';
  const log = createLogger('silent');
  const fast: SenderSettings = { ratePerSecond: 50, maxAttempts: 6, retryBaseMs: 10, retryMaxMs: 200 };
  const make = (settings: SenderSettings = fast): ProactiveSender =>
    createSender(createCloudAdapter(undefined, log), '', db, log, settings);
  const person = async (tag: string) => (await addRecipients(db, networkId, 1, fake.url, tag))[0]!;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    db = (await openTestDatabase(kind)).db;
    await migrate(db);
    await upsertReferenceData(db);
    await seedDemo(db);
    networkId = await demoNetworkId(db);
    fake = await new FakeConnector().start();
  });
  afterAll(async () => {
    await fake?.stop();
    await db?.close();
  });

  it.skipIf(skipKind(kind))('retries 429 after Retry-After, itself: botbuilder makes no hidden retries', async () => {
    const sender = make();
    const aad = await person('retry-429');
    fake.failConversation(personalConversationId(aad), { status: 429, body: { error: { code: 'Throttled' } }, headers: { 'retry-after': '1' } }, 1);
    const outcome = await sender.sendToMember(DEMO_TENANT_ID, aad, message('hei'));
    expect(outcome).toMatchObject({ status: 'sent', attempts: 2, conversationId: personalConversationId(aad) });
    expect(fake.sentActivities(personalConversationId(aad))).toHaveLength(2);
    expect(sender.stats()).toMatchObject({ throttled: 1, retries: 1, sent: 1 });
    const { rows } = await db.query<{ outcome: string; attempts: number }>(
      `SELECT outcome, attempts FROM proactive_send WHERE conversation_id = $1`,
      [personalConversationId(aad)],
    );
    expect(rows).toEqual([{ outcome: 'sent', attempts: 2 }]);
    await sender.stop();
  });

  it.skipIf(skipKind(kind))('retries 412, 502 and 504 with backoff; gives up on 400 at once', async () => {
    const sender = make();
    const aad = await person('retry-5xx');
    const conversation = personalConversationId(aad);
    fake.failNext({ status: 412 });
    fake.failNext({ status: 502 });
    fake.failNext({ status: 504 });
    expect(await sender.send(conversation, message('tre feil, så ok'))).toMatchObject({ status: 'sent', attempts: 4 });
    expect(fake.sentActivities(conversation)).toHaveLength(4);

    fake.failNext({ status: 400, body: { error: { code: 'BadArgument' } } });
    expect(await sender.send(conversation, message('ugyldig'))).toMatchObject({ status: 'failed', retryable: false, attempts: 1, statusCode: 400 });
    expect(fake.sentActivities(conversation)).toHaveLength(5);

    const limited = make({ ...fast, maxAttempts: 2 });
    fake.failConversation(conversation, { status: 502 }, 5);
    expect(await limited.send(conversation, message('gir opp'))).toMatchObject({ status: 'failed', retryable: true, attempts: 2 });
    fake.failConversation(conversation, undefined);
    await sender.stop();
    await limited.stop();
  });

  it.skipIf(skipKind(kind))('marks a person unreachable on 403 MessageWritesBlocked and skips them from then on', async () => {
    const sender = make();
    const aad = await person('blokkert');
    const conversation = personalConversationId(aad);
    fake.blockConversation(conversation);
    expect(await sender.sendToMember(DEMO_TENANT_ID, aad, message('hei'))).toMatchObject({ status: 'unreachable', attempts: 1 });
    const { rows } = await db.query<{ unreachable_at: Date | null }>(`SELECT unreachable_at FROM member WHERE aad_object_id = $1`, [aad]);
    expect(rows[0]!.unreachable_at).not.toBeNull();
    const before = fake.calls.length;
    expect(await sender.sendToMember(DEMO_TENANT_ID, aad, message('igjen'))).toMatchObject({ status: 'skipped' });
    expect(await sender.send(conversation, message('direkte'))).toMatchObject({ status: 'skipped' });
    expect(fake.calls.length).toBe(before);
    expect(sender.stats()).toMatchObject({ unreachable: 1, skipped: 2 });
    fake.failConversation(conversation, undefined);
    await sender.stop();
  });

  it.skipIf(skipKind(kind))('marks a reference stale on 404 ConversationNotFound, then sendToMember opens a new 1:1 chat', async () => {
    const sender = make();
    await addTeamConversation(db, DEMO_TEAM_ID, fake.url);
    const aad = await person('utdatert');
    const old = personalConversationId(aad);
    fake.forgetConversation(old);
    expect(await sender.send(old, message('hei'))).toMatchObject({ status: 'stale', statusCode: 404 });
    const stale = await db.query<{ stale_at: Date | null }>(`SELECT stale_at FROM conversation_ref WHERE conversation_id = $1`, [old]);
    expect(stale.rows[0]!.stale_at).not.toBeNull();

    const outcome = await sender.sendToMember(DEMO_TENANT_ID, aad, message('ny samtale'));
    expect(outcome).toMatchObject({ status: 'sent', conversationId: `a:opprettet-${aad}` });
    const create = fake.calls.find((c) => c.method === 'POST' && c.path.replace(/\/$/, '') === '/v3/conversations');
    expect(create?.body).toMatchObject({ isGroup: false, members: [{ id: aad }], tenantId: DEMO_TENANT_ID });
    expect(fake.sentActivities(`a:opprettet-${aad}`)).toHaveLength(1);
    // The new chat is stored and used next time, without creating another.
    const creates = fake.calls.filter((c) => c.path.replace(/\/$/, '') === '/v3/conversations').length;
    expect(await sender.sendToMember(DEMO_TENANT_ID, aad, message('igjen'))).toMatchObject({ status: 'sent', conversationId: `a:opprettet-${aad}` });
    expect(fake.calls.filter((c) => c.path.replace(/\/$/, '') === '/v3/conversations')).toHaveLength(creates);
    fake.failConversation(old, undefined);
    await sender.stop();
  });

  it.skipIf(skipKind(kind))('creates a 1:1 chat from the team for someone the bot never talked to', async () => {
    const sender = make();
    await addTeamConversation(db, DEMO_TEAM_ID, fake.url);
    const { rows } = await db.query<{ aad_object_id: string }>(
      `INSERT INTO member (tenant_id, aad_object_id, display_name) VALUES ($1, 'ny-person-${kind}', 'Ny Person') RETURNING aad_object_id`,
      [DEMO_TENANT_ID],
    );
    const aad = rows[0]!.aad_object_id;
    expect(await sender.sendToMember(DEMO_TENANT_ID, aad, message('hei'))).toMatchObject({ status: 'sent', conversationId: `a:opprettet-${aad}` });
    await sender.stop();
  });

  it.skipIf(skipKind(kind))('stays within the per-conversation limits (7/s, 60 per 30 s): no 429 from a strict connector', async () => {
    const strict = await new FakeConnector({ limits: TEAMS_LIMITS }).start();
    const sender = make();
    const aad = (await addRecipients(db, networkId, 1, strict.url, 'en-samtale'))[0]!;
    const conversation = personalConversationId(aad);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => sender.send(conversation, message(`melding ${i}`))));
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(strict.throttled).toBe(0);
    expect(strict.delivered(conversation)).toHaveLength(12);
    await sender.stop();
    await strict.stop();
  });

  it.skipIf(skipKind(kind))('recovers from 429 + Retry-After when its app-wide rate is set far above the limit', async () => {
    // (Whether the configured rate stays under the limit is measured by `npm run bench -- fanout`,
    // with the server in its own process: here connector and sender share one event loop.)
    // A connector allowing 10 requests/s and a sender set to 500/s: 429s are certain.
    const strict = await new FakeConnector({ limits: { ...TEAMS_LIMITS, perAppPerSecond: 10 } }).start();
    const people = await addRecipients(db, networkId, 40, strict.url, 'app-grense');
    const pushy = make({ ...fast, ratePerSecond: 500, maxAttempts: 10 });
    const second = await Promise.all(people.map((aad) => pushy.sendToMember(DEMO_TENANT_ID, aad, message('travel'))));
    expect(second.every((o) => o.status === 'sent')).toBe(true);
    expect(strict.throttled).toBeGreaterThan(0);
    expect(pushy.stats().throttled).toBe(strict.throttled);
    expect(strict.duplicates()).toBe(0);
    expect(new Set(strict.delivered().map((c) => c.conversationId)).size).toBe(40);
    await pushy.stop();
    await strict.stop();
  });
});
