import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredNetworks } from '../src/privacy/sql/privacy.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari } from './helpers/people.js';
import { count, put, type Json } from './helpers/work.js';

describe.each(databaseKinds)('retention of reflections and mellomarbeid on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('deletes an archived network’s answers, mellomarbeid and focus choices with its personal data', async () => {
    const networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    const tasks = (await t.get(`/api/networks/${networkId}/reflections`, as(ingrid))).json.tasks;
    const seeded = tasks.find((x: Json) => x.kind === 'refleksjon');
    expect((await put(t, `/api/networks/${networkId}/reflections/${seeded.id}/answer`, { answers: ['Svar'] }, as(kari))).status).toBe(200);
    expect((await put(t, `/api/networks/${networkId}/municipalities/3201/focus`, { choices: ['fokusomrade:helsehjelp'] }, as(kari))).status).toBe(200);
    expect(await count(t, 'reflection_answer')).toBe(1);

    const farFuture = new Date(Date.now() + 20 * 365 * 86_400_000);
    const swept = await t.app.db.transaction((tx) => sweepExpiredNetworks(tx, farFuture));
    // Every demo network has run out by then; this one holds the data checked below.
    expect(swept.archivedNetworkIds).toContain(networkId);
    for (const table of ['reflection_task', 'reflection_answer', 'reflection_group_version', 'mellomarbeid_assignment', 'mellomarbeid_status', 'municipality_focus']) {
      expect([table, await count(t, table)]).toEqual([table, 0]);
    }
  });
});
