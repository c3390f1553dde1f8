import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { OSLO } from '../shared/time.js';
import { SEED_000_TEMPLATE_ID, findTemplate, templatePlanItems } from '../plan/import/templates.js';
import { holidayOn, isChristmasWeek } from '../reminders/domain/holidays.js';
import type { BodyCode, NetworkRole, PlanItemFormat, PlanItemKind, Sector } from '../shared/types.js';

import { DEMO_TENANT_ID } from '../identity/local-tenant.js';

export { DEMO_TENANT_ID };
export const DEMO_NETWORK_SLUG = 'usht-viken';
/** The team in .m365agentsplayground.yml, so the Playground's channel belongs to the demo network. */
export const DEMO_TEAM_ID = '19:usht-viken-laeringsnettverk@thread.tacv2';

export interface DemoMember {
  aadObjectId: string;
  displayName: string;
  sector: Sector;
  role: NetworkRole | 'koordinator';
  municipalityNumber: string | null;
}

export interface DemoPlanItem {
  seedKey: string;
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  startsAt: Date;
  endsAt: Date;
  format: PlanItemFormat;
  responsibleBody: BodyCode;
  meetingUrl: string | null;
}

export interface DemoData {
  /** The plan's first day (a Tuesday, Europe/Oslo date): the other demo networks are dated from it. */
  day0: string;
  region: { slug: string; name: string };
  network: { slug: string; name: string; reformCode: string; bodies: BodyCode[]; teamsTeamId: string };
  municipalityNumbers: string[];
  members: DemoMember[];
  planItems: DemoPlanItem[];
}

// The same people as in .m365agentsplayground.yml, so the Playground speaks as real members.
export const demoMembers: DemoMember[] = [
  { aadObjectId: '00000000-0000-4000-8000-000000000001', displayName: 'Ingrid Haugen', sector: 'helse-og-omsorg', role: 'fasilitator', municipalityNumber: null },
  { aadObjectId: '00000000-0000-4000-8000-000000000002', displayName: 'Per Olsen', sector: 'annet', role: 'koordinator', municipalityNumber: null },
  { aadObjectId: '00000000-0000-4000-8000-000000000003', displayName: 'Kari Nordmann', sector: 'helse-og-omsorg', role: 'deltaker', municipalityNumber: '3201' },
  { aadObjectId: '00000000-0000-4000-8000-000000000004', displayName: 'Ola Berg', sector: 'plan', role: 'deltaker', municipalityNumber: '3203' },
  { aadObjectId: '00000000-0000-4000-8000-000000000005', displayName: 'Aisha Rahman', sector: 'kultur', role: 'deltaker', municipalityNumber: '3301' },
];

/**
 * The chat thread of a demo item's Teams meeting, «19:meeting_…@thread.v2», the same for the
 * same seed key on every database: the id is made as Teams makes them (base64 of a GUID), from
 * a hash of the key. A test can so name the meeting chat of the demo's Samling 1.
 */
export function demoMeetingThread(seedKey: string): string {
  const h = createHash('sha256').update(`samlingspunkt-demo:${seedKey}`).digest('hex');
  const guid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `19:meeting_${Buffer.from(guid).toString('base64url')}@thread.v2`;
}

/** A demo item's Teams join link as Teams writes it: the thread percent-encoded, the tenant and organiser in its context. */
export function demoMeetingUrl(seedKey: string, organizerAadObjectId: string): string {
  const thread = encodeURIComponent(demoMeetingThread(seedKey)).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  const context = encodeURIComponent(JSON.stringify({ Tid: DEMO_TENANT_ID, Oid: organizerAadObjectId })).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  return `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}`;
}

/**
 * The days (from the plan's first Tuesday) that must be ordinary working days: each item's day
 * and the day before (its «dagen før kl. 09.00» reminder), the reflection due at Samling 2 and
 * the focus-area task due a week after it (seed-reflections.ts), and the Monday two days before
 * Samling 3. With public holidays and the Christmas week quiet (the default), a reminder on any
 * of them would move or be skipped, so the demo would not show what it is there to show.
 * Day 17 is also where Samling 2 lands when it is moved by a week.
 */
export const DEMO_WORKING_DAYS = [-1, 0, 1, 2, 3, 9, 10, 14, 15, 16, 17, 27, 28, 29] as const;

const isWorkingDay = (day: DateTime) => day.weekday <= 5 && holidayOn(day) === null && !isChristmasWeek(day);

/**
 * Seed 000's USHT Viken plan (Tue 18 Aug – Wed 16 Sep 2020), moved so that it starts on the
 * first Tuesday at least four days after `now` whose dates all avoid Norwegian public holidays
 * and the Christmas week (DEMO_WORKING_DAYS): the weekdays and gaps stay as in the seed and
 * scheduled work (reminders) has something ahead of it, on any day the demo is seeded. In
 * December that is a plan starting in the first full week of January.
 */
export function demoData(now: Date): DemoData {
  const today = DateTime.fromJSDate(now, { zone: OSLO }).startOf('day');
  let first = today.plus({ days: 4 });
  while (first.weekday !== 2) first = first.plus({ days: 1 });
  // Every holiday cluster (Easter, Ascension/Whitsun, Christmas) is cleared within a few weeks:
  // seeded from mid-November the plan starts in January, from mid-April in June.
  for (let i = 0; i < 26 && !DEMO_WORKING_DAYS.every((d) => isWorkingDay(first.plus({ days: d }))); i++) first = first.plus({ weeks: 1 });
  const day0 = first.toISODate() ?? '';

  // Seed 000's plan is the first plan template (src/plan/import/templates.ts): one copy of it.
  // The demo's samlinger have a Teams link shaped as a real one (organised by Ingrid, the
  // facilitator), so «Bli med» can be seen and the side panel finds the samling by its meeting chat.
  const organizer = demoMembers.find((m) => m.role === 'fasilitator')!.aadObjectId;
  const planItems: DemoPlanItem[] = templatePlanItems(findTemplate(SEED_000_TEMPLATE_ID)!, day0).map((item) => ({
    ...item,
    responsibleBody: item.responsibleBody ?? 'USHT',
    meetingUrl: item.kind === 'samling' ? demoMeetingUrl(item.seedKey, organizer) : null,
  }));

  return {
    day0,
    region: { slug: 'oslo-og-viken', name: 'Oslo og Viken' },
    network: {
      slug: DEMO_NETWORK_SLUG,
      name: 'USHT Viken – læringsnettverk Leve hele livet',
      reformCode: 'leve-hele-livet',
      bodies: ['USHT', 'KS', 'SF'],
      teamsTeamId: DEMO_TEAM_ID,
    },
    municipalityNumbers: ['3201', '3203', '3301', '3205', '3103', '3305'],
    members: demoMembers,
    planItems,
  };
}
