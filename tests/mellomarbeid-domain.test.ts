import { describe, expect, it } from 'vitest';
import { workOverviewCard } from '../src/mellomarbeid/cards/overview.js';
import { workCard } from '../src/mellomarbeid/cards/mellomarbeid.js';
import {
  checkMove,
  checkWorkTexts,
  isOverdue,
  nextMoves,
  planChange,
  workStatuses,
  type Assignment,
  type MunicipalityWork,
  type WorkStatus,
} from '../src/mellomarbeid/domain/mellomarbeid.js';
import { adaptiveCardProblems } from './helpers/cards.js';

const work = (status: WorkStatus, over: Partial<MunicipalityWork> = {}): MunicipalityWork => ({
  assignmentId: '22222222-2222-4222-8222-222222222222',
  municipalityNumber: '3201',
  municipalityName: 'Bærum',
  status,
  submissionText: null,
  submissionUrl: null,
  feedback: null,
  deliveredAt: null,
  feedbackAt: null,
  updatedAt: new Date(),
  ...over,
});

const assignment: Assignment = {
  id: '22222222-2222-4222-8222-222222222222',
  networkId: 'n',
  planItemId: 'p',
  title: 'Kartlegging',
  description: 'Beskriv utfordringsbildet.',
  dueAt: new Date('2026-12-01T15:00:00Z'),
};

describe('mellomarbeid status machine', () => {
  it('allows exactly one step forward, feedback and reopening by facilitators', () => {
    const allowed = (role: 'kommune' | 'fasilitator') =>
      workStatuses.flatMap((from) => workStatuses.filter((to) => to !== from && checkMove(from, to, role).ok).map((to) => `${from}>${to}`));
    expect(allowed('kommune')).toEqual(['ikke-startet>pabegynt', 'pabegynt>levert']);
    expect(allowed('fasilitator')).toEqual([
      'ikke-startet>pabegynt',
      'pabegynt>levert',
      'levert>pabegynt',
      'levert>tilbakemelding-gitt',
      'tilbakemelding-gitt>pabegynt',
    ]);
  });

  it('explains refusals in Norwegian', () => {
    expect(checkMove('ikke-startet', 'levert', 'kommune')).toEqual({
      ok: false,
      error: { code: 'ugyldig-forespørsel', message: 'Kan ikke hoppe fra «ikke startet» til «levert»: arbeidet må først bli «påbegynt».' },
    });
    expect(checkMove('levert', 'pabegynt', 'kommune')).toEqual({ ok: false, error: { code: 'ugyldig-forespørsel', message: 'Bare en fasilitator kan åpne levert arbeid igjen.' } });
    expect(checkMove('levert', 'tilbakemelding-gitt', 'kommune')).toEqual({ ok: false, error: { code: 'ugyldig-forespørsel', message: 'Bare en fasilitator kan gi tilbakemelding.' } });
    expect(checkMove('pabegynt', 'ikke-startet', 'fasilitator')).toEqual({ ok: false, error: { code: 'ugyldig-forespørsel', message: 'Kan ikke endre status fra «påbegynt» til «ikke startet».' } });
    expect(nextMoves('levert', 'fasilitator')).toEqual(['tilbakemelding-gitt', 'pabegynt']);
  });

  it('plans changes: writing starts the work, delivering needs content, feedback needs words', () => {
    expect(planChange(work('ikke-startet'), { submissionText: 'Utkast' }, 'kommune')).toMatchObject({ ok: true, value: { to: 'pabegynt', submissionText: 'Utkast' } });
    expect(planChange(work('pabegynt'), { to: 'levert' }, 'kommune')).toMatchObject({ ok: false, error: { code: 'ugyldig-forespørsel', message: expect.stringContaining('før du leverer') } });
    expect(planChange(work('pabegynt', { submissionUrl: 'https://x.no' }), { to: 'levert' }, 'kommune')).toMatchObject({ ok: true, value: { to: 'levert' } });
    expect(planChange(work('levert'), { submissionText: 'Etterpå' }, 'kommune')).toMatchObject({ ok: false });
    expect(planChange(work('levert'), { to: 'tilbakemelding-gitt' }, 'fasilitator')).toMatchObject({ ok: false, error: { code: 'ugyldig-forespørsel', message: expect.stringContaining('Skriv en tilbakemelding') } });
    expect(planChange(work('levert'), { to: 'tilbakemelding-gitt', feedback: 'Bra' }, 'fasilitator')).toMatchObject({ ok: true, value: { feedback: 'Bra' } });
    expect(planChange(work('pabegynt'), { feedback: 'Bra' }, 'fasilitator')).toMatchObject({ ok: false });
  });

  it('checks text lengths and links with the limit in the message', () => {
    expect(checkWorkTexts({ submissionText: 'x'.repeat(8000) }).ok).toBe(true);
    expect(checkWorkTexts({ submissionText: 'x'.repeat(8001) })).toMatchObject({ ok: false, error: { code: 'ugyldig-forespørsel', message: expect.stringContaining('Maks 8\u00a0000 tegn') } });
    expect(checkWorkTexts({ feedback: 'x'.repeat(4001) })).toMatchObject({ ok: false });
    expect(checkWorkTexts({ submissionUrl: 'http://usikker.no' })).toMatchObject({ ok: false });
    expect(checkWorkTexts({ submissionUrl: 'https://sikker.no/dok' }).ok).toBe(true);
  });

  it('is overdue only while not delivered', () => {
    const after = new Date(assignment.dueAt.getTime() + 1);
    expect(isOverdue(assignment.dueAt, 'pabegynt', after)).toBe(true);
    expect(isOverdue(assignment.dueAt, 'levert', after)).toBe(false);
    expect(isOverdue(assignment.dueAt, 'ikke-startet', assignment.dueAt)).toBe(false);
  });
});

describe('mellomarbeid cards', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('are valid for every status and role, with status in words', () => {
    for (const status of workStatuses) {
      for (const role of ['kommune', 'fasilitator', null] as const) {
        const card = workCard({ assignment, work: work(status, { submissionText: 'Tekst', submissionUrl: 'https://x.no', feedback: 'Bra' }), role, now });
        expect([status, role, adaptiveCardProblems(card)]).toEqual([status, role, []]);
      }
    }
    const overview = workOverviewCard('Nettverk', [assignment], [work('levert'), work('ikke-startet', { municipalityNumber: '3203', municipalityName: 'Asker' })], new Date('2026-12-02T00:00:00Z'));
    expect(adaptiveCardProblems(overview)).toEqual([]);
    expect(JSON.stringify(overview)).toContain('1 av 2 kommuner har levert');
    expect(JSON.stringify(overview)).toContain('Ikke startet – fristen er passert');
  });

  it('offers only legal next steps as buttons', () => {
    const titles = (status: WorkStatus, role: 'kommune' | 'fasilitator') =>
      (workCard({ assignment, work: work(status), role, now }).actions ?? []).map((a) => a.title);
    expect(titles('ikke-startet', 'kommune')).toEqual(['Lagre utkast', 'Marker som påbegynt']);
    expect(titles('pabegynt', 'kommune')).toEqual(['Lagre utkast', 'Lever']);
    expect(titles('levert', 'kommune')).toEqual([]);
    expect(titles('levert', 'fasilitator')).toEqual(['Gi tilbakemelding', 'Åpne igjen']);
    expect(titles('tilbakemelding-gitt', 'fasilitator')).toEqual(['Oppdater tilbakemeldingen', 'Åpne igjen']);
  });
});
