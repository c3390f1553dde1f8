import { formatDue } from '../../shared/due.js';
import { isDelivered, isOverdue, workStatusLabel, type Assignment, type MunicipalityWork } from '../domain/mellomarbeid.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { heading } from '../../shared/cards/execute.js';

/** Facilitators and coordinators: every assignment with each municipality's status, in words. */
export function workOverviewCard(networkName: string, assignments: Assignment[], work: MunicipalityWork[], now: Date): AdaptiveCard {
  const body: CardElement[] = [heading(`Mellomarbeid – ${networkName}`)];
  const lines: string[] = [];
  if (assignments.length === 0) {
    body.push(text('Det er ikke gitt noe mellomarbeid ennå. Fasilitatorer lager det fra en aktivitet av typen mellomarbeid i fanen.'));
    return adaptiveCard(body, [], `Mellomarbeid – ${networkName}: ingen oppgaver ennå.`);
  }
  for (const a of assignments) {
    const rows = work.filter((w) => w.assignmentId === a.id);
    const done = rows.filter((w) => isDelivered(w.status)).length;
    body.push(
      text(a.title, { weight: 'Bolder', spacing: 'Large' }),
      text(`Frist ${formatDue(a.dueAt)} · ${done} av ${rows.length} kommuner har levert`, { isSubtle: true, spacing: 'None' }),
      {
        type: 'FactSet',
        facts: rows.map((w) => ({
          title: w.municipalityName,
          value: `${workStatusLabel[w.status]}${isOverdue(a.dueAt, w.status, now) ? ' – fristen er passert' : ''}`,
        })),
      },
    );
    lines.push(`${a.title}: ${done} av ${rows.length} levert`);
  }
  body.push(text('Skriv «mellomarbeid <kommune>», for eksempel «mellomarbeid Bærum», for å se besvarelsen og gi tilbakemelding.', { isSubtle: true }));
  return adaptiveCard(body, [], `Mellomarbeid – ${networkName}\n${lines.join('\n')}`);
}
