import { formatDue } from '../../shared/due.js';
import {
  FEEDBACK_MAX_CHARS,
  SUBMISSION_MAX_CHARS,
  URL_MAX_CHARS,
  isOverdue,
  nextMoves,
  submissionEditable,
  workStatusLabel,
  type Assignment,
  type MunicipalityWork,
  type WorkRole,
} from '../domain/mellomarbeid.js';
import { formatCount } from '../../reflections/domain/reflections.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { clip, executeButton, heading } from '../../shared/cards/execute.js';

export const WORK_UPDATE_VERB = 'mellomarbeid.oppdater';
export const WORK_OPEN_VERB = 'mellomarbeid.vis';

export interface WorkCardView {
  assignment: Assignment;
  work: MunicipalityWork;
  /** Null: may only read (a coordinator, or another municipality's deltaker never gets here). */
  role: WorkRole | null;
  now: Date;
  notice?: { tone: 'good' | 'attention'; text: string };
}

const moveTitle: Record<string, string> = {
  'ikke-startet>pabegynt': 'Marker som påbegynt',
  'pabegynt>levert': 'Lever',
  'levert>tilbakemelding-gitt': 'Gi tilbakemelding',
  'levert>pabegynt': 'Åpne igjen',
  'tilbakemelding-gitt>pabegynt': 'Åpne igjen',
};

/** One municipality's mellomarbeid: status, submission, feedback, and the next legal steps. */
export function workCard(v: WorkCardView): AdaptiveCard {
  const { assignment: a, work: w, role } = v;
  const overdue = isOverdue(a.dueAt, w.status, v.now);
  const body: CardElement[] = [
    heading(`Mellomarbeid: ${a.title}`),
    text(`${w.municipalityName} · frist ${formatDue(a.dueAt)}`, { isSubtle: true, spacing: 'None' }),
    text(`Status: **${workStatusLabel[w.status]}**${overdue ? ' · **Fristen er passert**' : ''}`, {
      ...(overdue ? { color: 'Attention' } : {}),
    }),
    text(clip(a.description, 1500)),
  ];
  if (v.notice) body.push(text(v.notice.text, { weight: 'Bolder', color: v.notice.tone === 'good' ? 'Good' : 'Attention' }));

  const editable = role !== null && submissionEditable(w.status);
  if (editable) {
    body.push(
      {
        type: 'Input.Text',
        id: 'tekst',
        label: 'Besvarelse (tekst)',
        isMultiline: true,
        maxLength: SUBMISSION_MAX_CHARS,
        ...(w.submissionText ? { value: w.submissionText } : {}),
      },
      {
        type: 'Input.Text',
        id: 'lenke',
        label: 'Lenke til dokument (valgfritt, https://…)',
        style: 'Url',
        maxLength: URL_MAX_CHARS,
        regex: '^(https://\\S+)?$',
        errorMessage: 'Lenken må begynne med https://',
        ...(w.submissionUrl ? { value: w.submissionUrl } : {}),
      },
      text(`Maks ${formatCount(SUBMISSION_MAX_CHARS)} tegn i teksten.`, { isSubtle: true, size: 'Small' }),
    );
  } else {
    if (w.submissionText) body.push(text('Besvarelse', { weight: 'Bolder', spacing: 'Medium' }), text(clip(w.submissionText, 2000)));
    if (w.submissionUrl) body.push(text(`[Åpne dokumentet](${w.submissionUrl})`));
  }
  if (w.feedback) body.push(text('Tilbakemelding fra fasilitator', { weight: 'Bolder', spacing: 'Medium' }), text(clip(w.feedback, 2000)));

  const data = { assignmentId: a.id, municipalityNumber: w.municipalityNumber, expectedStatus: w.status };
  const actions: CardElement[] = [];
  if (role !== null) {
    const moves = nextMoves(w.status, role);
    if (role === 'fasilitator' && (w.status === 'levert' || w.status === 'tilbakemelding-gitt')) {
      body.push({
        type: 'Input.Text',
        id: 'tilbakemelding',
        label: 'Tilbakemelding til kommunen',
        isMultiline: true,
        maxLength: FEEDBACK_MAX_CHARS,
        ...(w.feedback ? { value: w.feedback } : {}),
      });
      if (w.status === 'tilbakemelding-gitt') {
        actions.push(executeButton('Oppdater tilbakemeldingen', WORK_UPDATE_VERB, { ...data, to: 'tilbakemelding-gitt' }));
      }
    }
    if (editable) actions.push(executeButton('Lagre utkast', WORK_UPDATE_VERB, data));
    for (const to of moves) {
      const reopen = to === 'pabegynt' && w.status !== 'ikke-startet';
      actions.push(
        executeButton(moveTitle[`${w.status}>${to}`] ?? workStatusLabel[to], WORK_UPDATE_VERB, { ...data, to }, {
          ...(reopen ? { associatedInputs: 'none' } : {}),
          ...(to === 'levert' || to === 'tilbakemelding-gitt' ? { style: 'positive' } : {}),
        }),
      );
    }
  }
  return adaptiveCard(
    body,
    actions,
    `Mellomarbeid «${a.title}» for ${w.municipalityName}: ${workStatusLabel[w.status]}${overdue ? ' (fristen er passert)' : ''}.`,
  );
}
