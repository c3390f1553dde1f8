/**
 * Calendar feeds (issue 13): the ICS of a network's plan and of a person, made through the tab
 * API and fetched without sign-in at /calendar/<secret>.ics, then read back with a real parser
 * (node-ical). Local 09:00 in Oslo stays 09:00 on both sides of the October and March DST
 * changes; a moved item keeps its UID and gets a higher SEQUENCE; a revoked address is gone.
 * Through HTTP, on both databases.
 */
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observanceDay, observancesOf, vtimezone } from '../src/calendar/domain/vtimezone.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola } from './helpers/people.js';

const OSLO = 'Europe/Oslo';
const oslo = (local: string) => DateTime.fromISO(local, { zone: OSLO }).toUTC().toISO()!;
const osloClock = (d: Date | undefined) => (d ? DateTime.fromJSDate(d, { zone: OSLO }).toFormat('yyyy-LL-dd HH:mm') : null);

type Person = { aadObjectId: string };

describe('the Europe/Oslo VTIMEZONE, derived from the time-zone database', () => {
  it('has the EU rules: last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET', () => {
    const text = vtimezone(OSLO, 2027);
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
  });

  it('predicts every change luxon knows of, 2020–2040, from one reference year', () => {
    const rules = observancesOf(OSLO, 2027);
    for (let year = 2020; year <= 2040; year++) {
      for (const o of rules) {
        const day = observanceDay(o, year);
        const wall = DateTime.fromObject({ year, month: day.month, day: day.day, hour: o.hour, minute: o.minute }, { zone: `UTC${o.offsetFrom >= 0 ? '+' : ''}${o.offsetFrom / 60}` });
        expect(DateTime.fromMillis(wall.toMillis() - 60_000, { zone: OSLO }).offset, `${year} ${o.kind}`).toBe(o.offsetFrom);
        expect(DateTime.fromMillis(wall.toMillis(), { zone: OSLO }).offset, `${year} ${o.kind}`).toBe(o.offsetTo);
      }
    }
  });

  it('gives a zone without daylight saving time one fixed observance', () => {
    expect(vtimezone('Asia/Tokyo', 2027)).toContain('TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900');
  });
});

describe.each(databaseKinds)('calendar feeds on %s', (kind) => {
  let t: TestApp;
  let base = '';
  let planFeed = '';
  let networkId = '';
  const clock = testClock(Date.parse('2027-09-01T08:00:00Z'));

  const send = async (method: string, path: string, who: Person, body?: unknown) => {
    const res = await fetch(t.url + path, {
      method,
      headers: { ...as(who), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  /** The feed at `path`, as a calendar client fetches it: no sign-in, no headers of ours. */
  const fetchFeed = async (path: string) => {
    const res = await fetch(t.url + path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const parsed = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  const byUid = (events: VEvent[], uid: string) => events.find((e) => e.uid === uid);
  const item = async (over: Record<string, unknown>) => {
    const res = await send('POST', `${base}/plan`, ingrid, {
      kind: 'samling',
      format: 'digital',
      responsibleBody: 'USHT',
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/kalender-test',
      agenda: 'Velkommen og innsjekk',
      ...over,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item as { id: string };
  };
  const newFeed = async (path: string, who: Person) => {
    const res = await send('POST', path, who);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.path as string;
  };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, {}, { now: clock.now });
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
    base = `/api/networks/${networkId}`;
    planFeed = `/api/calendar/networks/${networkId}`;
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('keeps 09:00 Oslo at 09:00 on both sides of the October and March DST changes', async () => {
    const items = {
      beforeOctober: await item({ title: 'Samling før høstskiftet', startsAt: oslo('2027-10-28T09:00'), endsAt: oslo('2027-10-28T11:00') }),
      afterOctober: await item({ title: 'Samling etter høstskiftet', startsAt: oslo('2027-11-04T09:00'), endsAt: oslo('2027-11-04T11:00') }),
      beforeMarch: await item({ title: 'Samling før vårskiftet', startsAt: oslo('2028-03-23T09:00'), endsAt: oslo('2028-03-23T11:00') }),
      afterMarch: await item({ title: 'Samling etter vårskiftet', startsAt: oslo('2028-03-30T09:00'), endsAt: oslo('2028-03-30T11:00') }),
    };
    const path = await newFeed(planFeed, ingrid);
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetchFeed(path);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    // The zone is in the feed for Outlook, and the times are written as Oslo wall-clock times.
    expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo');
    expect(feed.text).toContain('DTSTART;TZID=Europe/Oslo:20271028T090000');
    expect(feed.text).toContain('DTSTART;TZID=Europe/Oslo:20271104T090000');
    expect(feed.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

    const events = parsed(feed.text);
    const expected: Record<keyof typeof items, string> = {
      beforeOctober: '2027-10-28',
      afterOctober: '2027-11-04',
      beforeMarch: '2028-03-23',
      afterMarch: '2028-03-30',
    };
    for (const [key, item] of Object.entries(items) as [keyof typeof items, { id: string }][]) {
      const e = byUid(events, `plan-item-${item.id}@samlingspunkt`);
      expect(osloClock(e?.start), key).toBe(`${expected[key]} 09:00`);
      expect(osloClock(e?.end), key).toBe(`${expected[key]} 11:00`);
    }
    // The same wall-clock time is a different UTC time on either side: the offset really changed.
    const utcHour = (id: string) => byUid(events, `plan-item-${id}@samlingspunkt`)!.start.getUTCHours();
    expect([utcHour(items.beforeOctober.id), utcHour(items.afterOctober.id)]).toEqual([7, 8]);
    expect([utcHour(items.beforeMarch.id), utcHour(items.afterMarch.id)]).toEqual([8, 7]);

    // Read by the feed's own VTIMEZONE: under the custom zone name Outlook writes, node-ical has
    // only the STANDARD/DAYLIGHT rules to go by, and must get the same times from them.
    const renamed = parsed(feed.text.replaceAll('Europe/Oslo', 'Customized Time Zone'));
    for (const [key, item] of Object.entries(items) as [keyof typeof items, { id: string }][]) {
      expect(osloClock(byUid(renamed, `plan-item-${item.id}@samlingspunkt`)?.start), `${key}, own VTIMEZONE`).toBe(`${expected[key]} 09:00`);
    }
  });

  it.skipIf(skipKind(kind))('has the Teams link as URL and in the description, and the plan item’s details', async () => {
    const { id } = await item({ title: 'Samling med lenke', startsAt: oslo('2027-10-05T10:00'), endsAt: oslo('2027-10-05T12:00') });
    const feed = await fetchFeed(await newFeed(planFeed, ingrid));
    const e = byUid(parsed(feed.text), `plan-item-${id}@samlingspunkt`)!;
    expect(e.summary).toBe('Samling med lenke');
    // node-ical keeps the property's VALUE=URI parameter with it.
    const url = e.url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toBe('https://teams.microsoft.com/l/meetup-join/kalender-test');
    expect(String(e.description)).toContain('Bli med i Teams-møtet: https://teams.microsoft.com/l/meetup-join/kalender-test');
    expect(String(e.description)).toContain('Velkommen og innsjekk');
    expect(String(e.description)).toContain('Samling · Digitalt i Teams');
    expect(String(e.location)).toBe('Digitalt i Teams');
  });

  it.skipIf(skipKind(kind))('moves a moved item under the same UID with a higher SEQUENCE; an unchanged save keeps it', async () => {
    const { id } = await item({ title: 'Samling som flyttes', startsAt: oslo('2027-10-12T09:00'), endsAt: oslo('2027-10-12T11:00') });
    const path = await newFeed(planFeed, ingrid);
    const uid = `plan-item-${id}@samlingspunkt`;
    const sequence = async () => {
      const e = byUid(parsed((await fetchFeed(path)).text), uid)!;
      return { sequence: Number(e.sequence), start: osloClock(e.start) };
    };
    expect(await sequence()).toEqual({ sequence: 0, start: '2027-10-12 09:00' });

    expect((await send('PATCH', `${base}/plan/${id}`, ingrid, { startsAt: oslo('2027-10-13T10:00'), endsAt: oslo('2027-10-13T12:00') })).status).toBe(200);
    expect(await sequence()).toEqual({ sequence: 1, start: '2027-10-13 10:00' });

    expect((await send('PATCH', `${base}/plan/${id}`, ingrid, { meetingUrl: 'https://teams.microsoft.com/l/meetup-join/ny-lenke' })).status).toBe(200);
    expect((await sequence()).sequence).toBe(2);

    // Saving what is already there changes nothing a calendar shows.
    expect((await send('PATCH', `${base}/plan/${id}`, ingrid, { title: 'Samling som flyttes' })).status).toBe(200);
    expect((await sequence()).sequence).toBe(2);

    // Deleted: gone from the feed (a subscribed calendar is replaced whole, so it disappears there too).
    expect((await send('DELETE', `${base}/plan/${id}`, ingrid)).status).toBe(200);
    expect(byUid(parsed((await fetchFeed(path)).text), uid)).toBeUndefined();
  });

  it.skipIf(skipKind(kind))('gives a deltaker their sessions, their municipality’s slot, the reflection tasks and their municipality’s mellomarbeid', async () => {
    const veiledning = await item({
      kind: 'veiledning',
      title: 'Veiledning per kommune',
      format: 'digital',
      startsAt: oslo('2027-10-19T09:00'),
      endsAt: oslo('2027-10-19T15:00'),
      slots: [
        { municipalityNumber: '3201', startsAt: oslo('2027-10-19T09:00'), endsAt: oslo('2027-10-19T10:30') },
        { municipalityNumber: '3203', startsAt: oslo('2027-10-19T11:00'), endsAt: oslo('2027-10-19T12:30') },
      ],
    });
    const kariFeed = parsed((await fetchFeed(await newFeed('/api/calendar/personal', kari))).text);
    const olaFeed = parsed((await fetchFeed(await newFeed('/api/calendar/personal', ola))).text);
    const ingridFeed = parsed((await fetchFeed(await newFeed('/api/calendar/personal', ingrid))).text);

    // Each deltaker at their own municipality's time, under its own UID; the facilitator sees the whole day.
    const kariSlot = byUid(kariFeed, `plan-item-${veiledning.id}-3201@samlingspunkt`);
    expect([osloClock(kariSlot?.start), osloClock(kariSlot?.end)]).toEqual(['2027-10-19 09:00', '2027-10-19 10:30']);
    expect(osloClock(byUid(olaFeed, `plan-item-${veiledning.id}-3203@samlingspunkt`)?.start)).toBe('2027-10-19 11:00');
    expect(byUid(kariFeed, `plan-item-${veiledning.id}-3203@samlingspunkt`)).toBeUndefined();
    expect(byUid(kariFeed, `plan-item-${veiledning.id}@samlingspunkt`)).toBeUndefined();
    expect(osloClock(byUid(ingridFeed, `plan-item-${veiledning.id}@samlingspunkt`)?.end)).toBe('2027-10-19 15:00');

    // Deadlines: every reflection task of her network, and the mellomarbeid of Bærum alone.
    const { rows: tasks } = await t.app.db.query<{ id: string; due_at: Date }>(`SELECT id, due_at FROM reflection_task WHERE network_id = $1`, [networkId]);
    const { rows: work } = await t.app.db.query<{ id: string; municipality_number: string }>(
      `SELECT a.id, s.municipality_number FROM mellomarbeid_assignment a JOIN mellomarbeid_status s ON s.assignment_id = a.id WHERE a.network_id = $1`,
      [networkId],
    );
    const uids = (events: VEvent[], prefix: string) => events.map((e) => e.uid).filter((u) => u.startsWith(prefix)).sort();
    expect(uids(kariFeed, 'reflection-task-')).toEqual(tasks.map((r) => `reflection-task-${r.id}@samlingspunkt`).sort());
    expect(uids(kariFeed, 'mellomarbeid-')).toEqual(
      work.filter((w) => w.municipality_number.trim() === '3201').map((w) => `mellomarbeid-${w.id}@samlingspunkt`).sort(),
    );
    for (const task of tasks) {
      const e = byUid(kariFeed, `reflection-task-${task.id}@samlingspunkt`)!;
      expect(e.start.getTime()).toBe(new Date(task.due_at).getTime());
      expect(String(e.summary)).toMatch(/^Frist: /);
      expect(e.transparency).toBe('TRANSPARENT');
    }
    // A facilitator answers no tasks: no deadlines in hers.
    expect(uids(ingridFeed, 'reflection-task-')).toEqual([]);
    expect(uids(ingridFeed, 'mellomarbeid-')).toEqual([]);
  });

  it.skipIf(skipKind(kind))('raises the SEQUENCE of a moved slot, and of a deadline that moved with its plan item', async () => {
    const veiledning = await item({
      kind: 'veiledning',
      title: 'Veiledning som flyttes',
      startsAt: oslo('2027-10-26T09:00'),
      endsAt: oslo('2027-10-26T15:00'),
      slots: [{ municipalityNumber: '3201', startsAt: oslo('2027-10-26T09:00'), endsAt: oslo('2027-10-26T10:30') }],
    });
    const path = await newFeed('/api/calendar/personal', kari);
    const event = async (uid: string) => byUid(parsed((await fetchFeed(path)).text), uid);
    const slotUid = `plan-item-${veiledning.id}-3201@samlingspunkt`;
    const before = Number((await event(slotUid))!.sequence);
    const moved = await send('PATCH', `${base}/plan/${veiledning.id}`, ingrid, {
      slots: [{ municipalityNumber: '3201', startsAt: oslo('2027-10-26T13:00'), endsAt: oslo('2027-10-26T14:30') }],
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    const after = (await event(slotUid))!;
    expect(osloClock(after.start)).toBe('2027-10-26 13:00');
    expect(Number(after.sequence)).toBe(before + 1);

    // A reflection task tied to a plan item follows it when the item moves; its event does too.
    const { rows } = await t.app.db.query<{ id: string; plan_item_id: string; due_at: Date }>(
      `SELECT id, plan_item_id, due_at FROM reflection_task WHERE network_id = $1 AND plan_item_id IS NOT NULL AND due_at > $2 ORDER BY due_at LIMIT 1`,
      [networkId, clock.now().toISOString()],
    );
    const task = rows[0]!;
    const taskUid = `reflection-task-${task.id}@samlingspunkt`;
    expect(Number((await event(taskUid))!.sequence)).toBe(0);
    const planItem = (await send('GET', `${base}/plan`, ingrid)).json.items.find((i: any) => i.id === task.plan_item_id);
    const day = 86_400_000;
    const shifted = await send('PATCH', `${base}/plan/${task.plan_item_id}`, ingrid, {
      startsAt: new Date(Date.parse(planItem.startsAt) + day).toISOString(),
      endsAt: new Date(Date.parse(planItem.endsAt) + day).toISOString(),
    });
    expect(shifted.status, JSON.stringify(shifted.json)).toBe(200);
    const movedTask = (await event(taskUid))!;
    expect(movedTask.start.getTime()).toBe(new Date(task.due_at).getTime() + day);
    expect(Number(movedTask.sequence)).toBe(1);
  });

  it.skipIf(skipKind(kind))('stops working when revoked or replaced, and tells the tab when it was last fetched', async () => {
    const first = await newFeed(planFeed, kari);
    expect((await send('GET', planFeed, kari)).json).toMatchObject({ exists: true, lastFetchedAt: null });
    expect((await fetchFeed(first)).status).toBe(200);
    expect((await send('GET', planFeed, kari)).json.lastFetchedAt).toBe(clock.now().toISOString());

    // «Lag ny lenke»: the old address is dead at once.
    const second = await newFeed(planFeed, kari);
    expect(second).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.status).toBe(404);
    expect(JSON.parse(old.text).error.code).toBe('finnes-ikke');
    expect(old.text).not.toContain('BEGIN:VCALENDAR');
    expect((await fetchFeed(second)).status).toBe(200);

    expect((await send('DELETE', planFeed, kari)).json).toEqual({ revoked: true });
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await send('GET', planFeed, kari)).json).toEqual({ exists: false, createdAt: null, lastFetchedAt: null });
    expect((await send('DELETE', planFeed, kari)).json).toEqual({ revoked: false });

    // The personal feed is another address: revoking the plan's leaves it alone.
    const personal = await newFeed('/api/calendar/personal', kari);
    expect((await fetchFeed(personal)).status).toBe(200);
    expect((await send('DELETE', '/api/calendar/personal', kari)).json).toEqual({ revoked: true });
    expect((await fetchFeed(personal)).status).toBe(404);

    // Stored hashed: the secret itself is nowhere in the database.
    const again = await newFeed('/api/calendar/personal', kari);
    const secret = again.slice('/calendar/'.length, -'.ics'.length);
    const { rows } = await t.app.db.query<{ token_hash: string }>(`SELECT token_hash FROM calendar_feed`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && !r.token_hash.includes(secret))).toBe(true);
  });

  it.skipIf(skipKind(kind))('serves a network’s plan no longer to someone removed from it', async () => {
    const path = await newFeed(planFeed, ola);
    expect((await fetchFeed(path)).status).toBe(200);
    const members = (await send('GET', `${base}/members`, ingrid)).json.members as { memberId?: string; id?: string; displayName: string }[];
    const olaRow = members.find((m) => m.displayName === 'Ola Berg')!;
    const removed = await send('DELETE', `${base}/members/${olaRow.memberId ?? olaRow.id}`, ingrid);
    expect(removed.status, JSON.stringify(removed.json)).toBe(200);
    expect((await fetchFeed(path)).status).toBe(404);
  });

  // Last: it ends the demo network.
  it.skipIf(skipKind(kind))('keeps serving an ended network’s plan, and lets its addresses be made and revoked', async () => {
    const path = await newFeed(planFeed, kari);
    expect((await send('POST', `${base}/archive`, ingrid, { confirm: true })).status).toBe(200);
    expect((await send('POST', `${base}/plan`, ingrid, { kind: 'webinar', title: 'For sent', startsAt: oslo('2027-12-01T09:00'), endsAt: oslo('2027-12-01T10:00'), format: 'digital' })).status).toBe(403);
    expect((await fetchFeed(path)).status).toBe(200);
    const replaced = await newFeed(planFeed, kari);
    expect((await fetchFeed(path)).status).toBe(404);
    expect((await send('DELETE', planFeed, kari)).json).toEqual({ revoked: true });
    expect((await fetchFeed(replaced)).status).toBe(404);
  });

  it.skipIf(skipKind(kind))('answers a malformed or unknown address with 404, not the feed', async () => {
    for (const path of ['/calendar/abc.ics', `/calendar/${'A'.repeat(43)}.ics`, `/calendar/${'A'.repeat(43)}.txt`]) {
      const res = await fetchFeed(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('VCALENDAR');
      expect((await fetch(t.url + path, { method: 'HEAD' })).status, `HEAD ${path}`).toBe(404);
    }
  });

  it.skipIf(skipKind(kind))('answers HEAD as GET, without the body, as calendar clients check a feed before fetching it', async () => {
    const path = await newFeed(planFeed, ingrid);
    const get = await fetch(t.url + path);
    const body = Buffer.from(await get.arrayBuffer());
    const head = await fetch(t.url + path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(Number(head.headers.get('content-length'))).toBe(body.length);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect((await send('DELETE', planFeed, ingrid)).json).toEqual({ revoked: true });
    expect((await fetch(t.url + path, { method: 'HEAD' })).status).toBe(404);
  });
});
