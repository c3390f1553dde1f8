import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTable } from '../src/app/bot-commands.js';
import { demoMembers } from '../src/demo/demo.js';
import { welcomeCard } from '../src/network/cards/welcome.js';
import { botAdded, botRemoved, cardSubmit, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';

type Sent = Record<string, any>;
const cardOf = (activity: Sent) => activity.attachments?.[0]?.content;
const allText = (node: unknown): string => JSON.stringify(node);

const kari = demoMembers.find((m) => m.displayName === 'Kari Nordmann')!;

describe.each(databaseKinds)('bot over /api/messages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skipKind(kind)) t = await startTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('welcomes on install and stores the conversation reference durably', async () => {
    const conversationId = `a:install-${kind}`;
    const res = await t.post('/api/messages', botAdded({ serviceUrl: t.connector.url, conversationId, fromAadObjectId: kari.aadObjectId }));
    expect(res.status).toBe(200);
    const [welcome] = await t.connector.waitForActivities(1, conversationId);
    expect(cardOf(welcome!).body[0].text).toBe('Velkommen til Samlingspunkt');
    expect(allText(cardOf(welcome!))).toContain('USHT Viken');

    const { rows } = await t.app.db.query<Record<string, any>>(
      'SELECT service_url, tenant_id, conversation_type, installed, reference FROM conversation_ref WHERE conversation_id = $1',
      [conversationId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service_url: t.connector.url,
      tenant_id: '00000000-0000-4000-8000-0000000000aa',
      conversation_type: 'personal',
      installed: true,
    });
    expect(rows[0]!.reference.conversation.id).toBe(conversationId);
  });

  it.skipIf(skipKind(kind))('answers «plan» with the activity plan as an Adaptive Card 1.5 table', async () => {
    const conversationId = `a:plan-${kind}`;
    const res = await t.post('/api/messages', message('plan', { serviceUrl: t.connector.url, conversationId, fromAadObjectId: kari.aadObjectId }));
    expect(res.status).toBe(200);
    const [reply] = await t.connector.waitForActivities(1, conversationId);
    const card = cardOf(reply!);
    expect((reply as Sent).attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.version).toBe('1.5');
    const table = card.body.find((e: Sent) => e.type === 'Table');
    const header = table.rows[0].cells.map((c: Sent) => c.items[0].text);
    expect(header).toEqual(['Dato/kl.', 'Hva', 'Format', 'Ansvar']);
    expect(table.rows).toHaveLength(7);
    expect(allText(table.rows[1])).toContain('"Samling 1 – Oppstartseminar"');
    expect(allText(table.rows[2])).toContain('Veiledning: Sentervis veiledning, økt 1');
    expect(allText(table.rows[1])).toContain('Digitalt i Teams');
    expect(allText(table.rows[1])).toMatch(/kl\. 10\.00–12\.00/);
    expect(allText(table.rows[1])).toContain('Bli med i Teams-møtet');
  });

  it.skipIf(skipKind(kind))('strips the @mention in a channel before routing', async () => {
    const conversationId = `19:channel-${kind}@thread.tacv2`;
    await t.post(
      '/api/messages',
      message('plan', { serviceUrl: t.connector.url, conversationId, conversationType: 'channel', teamId: '19:team', fromAadObjectId: kari.aadObjectId }, true),
    );
    const [reply] = await t.connector.waitForActivities(1, conversationId);
    expect(cardOf(reply!).body[0].text).toMatch(/^Aktivitetsplan – /);
  });

  it.skipIf(skipKind(kind))('accepts the English alias «help» and Norwegian case-insensitively', async () => {
    const conversationId = `a:help-${kind}`;
    await t.post('/api/messages', message('help', { serviceUrl: t.connector.url, conversationId }));
    await t.post('/api/messages', message('HJELP', { serviceUrl: t.connector.url, conversationId }));
    const replies = await t.connector.waitForActivities(2, conversationId);
    for (const reply of replies) {
      const facts = cardOf(reply).body.find((e: Sent) => e.type === 'FactSet').facts.map((f: Sent) => f.title);
      expect(facts.slice(0, 2)).toEqual(['hjelp', 'plan']);
      expect(facts).toEqual(commandTable.map((c) => c.verb));
    }
  });

  it.skipIf(skipKind(kind))('runs the command behind a card button («Vis aktivitetsplanen»)', async () => {
    const conversationId = `a:button-${kind}`;
    const button = welcomeCard('x').actions!.find((a) => a.title === 'Vis aktivitetsplanen')!;
    await t.post('/api/messages', cardSubmit(button.data as Record<string, unknown>, { serviceUrl: t.connector.url, conversationId, fromAadObjectId: kari.aadObjectId }));
    const [reply] = await t.connector.waitForActivities(1, conversationId);
    expect(cardOf(reply!).body[0].text).toMatch(/^Aktivitetsplan – /);
  });

  it.skipIf(skipKind(kind))('answers anything unknown with the help card, quoting what it did not understand', async () => {
    const conversationId = `a:unknown-${kind}`;
    await t.post('/api/messages', message('hva er klokka', { serviceUrl: t.connector.url, conversationId }));
    const [reply] = await t.connector.waitForActivities(1, conversationId);
    expect(allText(cardOf(reply!))).toContain('Jeg forsto ikke «hva er klokka»');
  });

  it.skipIf(skipKind(kind))('marks the conversation uninstalled when the bot is removed', async () => {
    const conversationId = `a:removed-${kind}`;
    await t.post('/api/messages', botAdded({ serviceUrl: t.connector.url, conversationId }));
    await t.connector.waitForActivities(1, conversationId);
    await t.post('/api/messages', botRemoved({ serviceUrl: t.connector.url, conversationId }));
    const { rows } = await t.app.db.query<{ installed: boolean }>('SELECT installed FROM conversation_ref WHERE conversation_id = $1', [conversationId]);
    expect(rows[0]!.installed).toBe(false);
  });

  it.skipIf(skipKind(kind))('refuses an activity without the fields it needs with 400 and writes nothing', async () => {
    const before = await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_ref');
    const res = await t.post('/api/messages', { type: 'message', text: 'plan', conversation: { id: 'x' } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('ugyldig-aktivitet');
    expect(res.json.error.message).toMatch(/serviceUrl/);
    const after = await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_ref');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
