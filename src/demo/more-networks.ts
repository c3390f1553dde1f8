import { osloInstant, addOsloDays } from '../shared/time.js';
import { demoMeetingUrl, type DemoMember, type DemoPlanItem } from './demo.js';
import type { BodyCode } from '../shared/types.js';

/**
 * The demo's other networks (issue 12), so a region overview has more than one network and
 * isolation between regions can be seen: a second network in Oslo og Viken, run by KS and
 * Statsforvalteren on Bo trygt hjemme (Per Olsen, the region's koordinator, sees it), and one in
 * Vestland with its own koordinator (Per does not). Their people are not in the Playground's
 * five users (.m365agentsplayground.yml must have exactly five); in local mode they are under
 * «Logget inn som».
 */
export interface OtherDemoNetwork {
  region: { slug: string; name: string };
  network: { slug: string; name: string; reformCode: string; bodies: BodyCode[] };
  municipalityNumbers: string[];
  members: DemoMember[];
  planItems: DemoPlanItem[];
}

export const otherDemoPeople: DemoMember[] = [
  { aadObjectId: '00000000-0000-4000-8000-000000000011', displayName: 'Marte Lie', sector: 'helse-og-omsorg', role: 'fasilitator', municipalityNumber: null },
  { aadObjectId: '00000000-0000-4000-8000-000000000012', displayName: 'Jonas Dahl', sector: 'plan', role: 'deltaker', municipalityNumber: '3101' },
  { aadObjectId: '00000000-0000-4000-8000-000000000021', displayName: 'Siri Brekke', sector: 'helse-og-omsorg', role: 'fasilitator', municipalityNumber: null },
  { aadObjectId: '00000000-0000-4000-8000-000000000022', displayName: 'Torbjørn Vik', sector: 'annet', role: 'koordinator', municipalityNumber: null },
  { aadObjectId: '00000000-0000-4000-8000-000000000023', displayName: 'Liv Solheim', sector: 'helse-og-omsorg', role: 'deltaker', municipalityNumber: '4621' },
];

const person = (name: string) => otherDemoPeople.find((p) => p.displayName === name)!;

/**
 * Dated from the main demo's first day (day0, a Tuesday), so they land on working days too; the
 * one samling already held is dated back from the day the demo is seeded (`today`, Oslo date).
 */
export function otherDemoNetworks(day0: string, today: string): OtherDemoNetwork[] {
  const at = (offset: number, time: string) => osloInstant(addOsloDays(day0, offset), time);
  const ago = (days: number, time: string) => osloInstant(addOsloDays(today, -days), time);
  return [
    {
      region: { slug: 'oslo-og-viken', name: 'Oslo og Viken' },
      network: {
        // Sorts after «USHT Viken …», so the koordinator's bot turn still lands on the main demo.
        slug: 'viken-bo-trygt-hjemme',
        name: 'Viken – læringsnettverk Bo trygt hjemme',
        reformCode: 'bo-trygt-hjemme',
        bodies: ['KS', 'SF'],
      },
      municipalityNumbers: ['3101', '3107', '3201', '3301'],
      members: [person('Marte Lie'), person('Jonas Dahl')],
      planItems: [
        // Held two weeks before the demo was seeded, so the region overview shows attendance by
        // sector from the first start (seed-attendance.ts records it).
        {
          seedKey: 'bth-oppstart',
          kind: 'samling',
          title: 'Oppstartsamling – Bo trygt hjemme',
          agenda: 'Hvorfor reformen, hva nettverket skal gjøre, og kommunenes forventninger.',
          startsAt: ago(14, '10:00'),
          endsAt: ago(14, '13:00'),
          format: 'digital',
          responsibleBody: 'KS',
          meetingUrl: demoMeetingUrl('bth-oppstart', person('Marte Lie').aadObjectId),
        },
        {
          seedKey: 'bth-samling-1',
          kind: 'samling',
          title: 'Samling 1 – Bo trygt hjemme i kommunen',
          agenda: 'Reformens fire innsatsområder. Kommunenes utgangspunkt.',
          startsAt: at(2, '10:00'),
          endsAt: at(2, '14:00'),
          format: 'fysisk',
          responsibleBody: 'KS',
          meetingUrl: null,
        },
        {
          seedKey: 'bth-webinar-1',
          kind: 'webinar',
          title: 'Webinar: Boligtilpasning og -planlegging',
          agenda: null,
          startsAt: at(10, '13:00'),
          endsAt: at(10, '14:30'),
          format: 'digital',
          responsibleBody: 'SF',
          meetingUrl: demoMeetingUrl('bth-webinar-1', person('Marte Lie').aadObjectId),
        },
        {
          seedKey: 'bth-samling-2',
          kind: 'samling',
          title: 'Samling 2 – Trygghet og støtte til pårørende',
          agenda: null,
          startsAt: at(28, '10:00'),
          endsAt: at(28, '14:00'),
          format: 'hybrid',
          responsibleBody: 'KS',
          meetingUrl: demoMeetingUrl('bth-samling-2', person('Marte Lie').aadObjectId),
        },
      ],
    },
    {
      region: { slug: 'vestland', name: 'Vestland' },
      network: {
        slug: 'vestland-leve-hele-livet',
        name: 'Vestland – læringsnettverk Leve hele livet',
        reformCode: 'leve-hele-livet',
        bodies: ['SF', 'USHT'],
      },
      municipalityNumbers: ['4601', '4621', '4627', '4640'],
      members: [person('Siri Brekke'), person('Torbjørn Vik'), person('Liv Solheim')],
      planItems: [
        {
          seedKey: 'vl-samling-1',
          kind: 'samling',
          title: 'Samling 1 – Oppstart i Vestland',
          agenda: 'Leve hele livet: innsatsområdene og kommunenes planer.',
          startsAt: at(3, '10:00'),
          endsAt: at(3, '14:00'),
          format: 'fysisk',
          responsibleBody: 'SF',
          meetingUrl: null,
        },
        {
          seedKey: 'vl-dialogmote-1',
          kind: 'dialogmote',
          title: 'Dialogmøte med kommunene',
          agenda: null,
          startsAt: at(16, '09:00'),
          endsAt: at(16, '11:00'),
          format: 'digital',
          responsibleBody: 'USHT',
          meetingUrl: demoMeetingUrl('vl-dialogmote-1', person('Siri Brekke').aadObjectId),
        },
      ],
    },
  ];
}
