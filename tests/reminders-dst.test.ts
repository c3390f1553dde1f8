import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_QUEUE, reminderJobId } from '../src/reminders/engine.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid } from './helpers/people.js';
import { demoNetworkId } from './helpers/recipients.js';
import { waitFor } from './helpers/wait.js';

// 2031: summer time starts Sunday 30 March (02:00 → 03:00) and ends Sunday 26 October (03:00 → 02:00).
const NOW = new Date('2031-03-01T11:00:00Z');

describe.each(databaseKinds)('reminders across daylight saving, through the engine, on %s', (kind) => {
  let t: TestApp;
  let networkId = '';

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { JOB_POLL_SECONDS: '0.5', REMINDER_IDLE_MS: '100' }, { now: () => NOW });
    networkId = await demoNetworkId(t.app.db);
    // Weekends are normal days in this network, so the Sunday reminders stay on Sunday.
    const settings = await fetch(`${t.url}/api/networks/${networkId}/reminder-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...as(ingrid) },
      body: JSON.stringify({ quietHours: { from: '21:00', to: '07:00', weekends: false } }),
    });
    expect(settings.status).toBe(200);
  });
  afterAll(async () => t?.close());

  const cases: [string, string, string, string][] = [
    // start (Oslo, with offset)        day before 09:00 (UTC)        hour before (UTC)
    ['Monday after spring-forward', '2031-03-31T10:00:00+02:00', '2031-03-30T07:00:00.000Z', '2031-03-31T07:00:00.000Z'],
    ['spring-forward Sunday', '2031-03-30T10:00:00+02:00', '2031-03-29T08:00:00.000Z', '2031-03-30T07:00:00.000Z'],
    ['Monday after fall-back', '2031-10-27T10:00:00+01:00', '2031-10-26T08:00:00.000Z', '2031-10-27T08:00:00.000Z'],
    ['fall-back Sunday', '2031-10-26T10:00:00+01:00', '2031-10-25T07:00:00.000Z', '2031-10-26T08:00:00.000Z'],
  ];

  for (const [name, startsAt, dayBefore, hourBefore] of cases) {
    it.skipIf(skipKind(kind))(`a samling on the ${name}: 09:00 Oslo the day before, 09:00 Oslo the same morning`, async () => {
      const res = await t.post(
        `/api/networks/${networkId}/plan`,
        {
          kind: 'samling',
          title: `Samling – ${name}`,
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
          format: 'digital',
          meetingUrl: 'https://teams.microsoft.com/l/meetup-join/dst',
        },
        as(ingrid),
      );
      expect(res.status).toBe(201);
      const { rows } = await t.app.db.query<{ id: string; rule_key: string; send_at: Date; version: number }>(
        `SELECT id, rule_key, send_at, version FROM reminder WHERE subject_id = $1 AND status = 'planlagt' ORDER BY send_at`,
        [res.json.item.id],
      );
      expect(rows.map((r) => [r.rule_key, new Date(r.send_at).toISOString()])).toEqual([
        ['d1@09:00', dayBefore],
        ['m60', hourBefore],
      ]);
      // The pg-boss job waits for exactly that instant.
      for (const r of rows) {
        const job = await waitFor(() => t.app.scheduler.getJobById(REMINDER_QUEUE, reminderJobId(r.id, r.version)), {
          what: `the pg-boss job of reminder ${r.rule_key}`,
          intervalMs: 50,
        });
        expect(new Date(job.startAfter).toISOString()).toBe(new Date(r.send_at).toISOString());
      }
    });
  }
});
