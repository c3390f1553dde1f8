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
import { formatCount } from '../../platform/i18n/format.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { clip, executeButton, heading } from '../../shared/cards/execute.js';
import { t } from '../messages.js';

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

type MoveTitleKey = 'card.moveStart' | 'card.moveDeliver' | 'card.moveFeedback' | 'card.moveReopen';

/** A button's words per move; looked up when the card is built, in the reader's language. */
const moveTitle: Record<string, MoveTitleKey> = {
  'ikke-startet>pabegynt': 'card.moveStart',
  'pabegynt>levert': 'card.moveDeliver',
  'levert>tilbakemelding-gitt': 'card.moveFeedback',
  'levert>pabegynt': 'card.moveReopen',
  'tilbakemelding-gitt>pabegynt': 'card.moveReopen',
};

function titleOf(from: MunicipalityWork['status'], to: MunicipalityWork['status']): string {
  const key = moveTitle[`${from}>${to}`];
  return key ? t(key) : workStatusLabel[to];
}

/** One municipality's mellomarbeid: status, submission, feedback, and the next legal steps. */
export function workCard(v: WorkCardView): AdaptiveCard {
  const { assignment: a, work: w, role } = v;
  const overdue = isOverdue(a.dueAt, w.status, v.now);
  const body: CardElement[] = [
    heading(t('card.heading', { title: a.title })),
    text(t('card.subtitle', { municipality: w.municipalityName, due: formatDue(a.dueAt) }), { isSubtle: true, spacing: 'None' }),
    text(t(overdue ? 'card.statusOverdue' : 'card.status', { status: workStatusLabel[w.status] }), {
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
        label: t('card.submissionLabel'),
        isMultiline: true,
        maxLength: SUBMISSION_MAX_CHARS,
        ...(w.submissionText ? { value: w.submissionText } : {}),
      },
      {
        type: 'Input.Text',
        id: 'lenke',
        label: t('card.linkLabel'),
        style: 'Url',
        maxLength: URL_MAX_CHARS,
        regex: '^(https://\\S+)?$',
        errorMessage: t('card.linkError'),
        ...(w.submissionUrl ? { value: w.submissionUrl } : {}),
      },
      text(t('card.maxChars', { max: formatCount(SUBMISSION_MAX_CHARS) }), { isSubtle: true, size: 'Small' }),
    );
  } else {
    if (w.submissionText) body.push(text(t('card.submission'), { weight: 'Bolder', spacing: 'Medium' }), text(clip(w.submissionText, 2000)));
    if (w.submissionUrl) body.push(text(t('card.openDocument', { url: w.submissionUrl })));
  }
  if (w.feedback) body.push(text(t('card.feedbackHeading'), { weight: 'Bolder', spacing: 'Medium' }), text(clip(w.feedback, 2000)));

  const data = { assignmentId: a.id, municipalityNumber: w.municipalityNumber, expectedStatus: w.status };
  const actions: CardElement[] = [];
  if (role !== null) {
    const moves = nextMoves(w.status, role);
    if (role === 'fasilitator' && (w.status === 'levert' || w.status === 'tilbakemelding-gitt')) {
      body.push({
        type: 'Input.Text',
        id: 'tilbakemelding',
        label: t('card.feedbackLabel'),
        isMultiline: true,
        maxLength: FEEDBACK_MAX_CHARS,
        ...(w.feedback ? { value: w.feedback } : {}),
      });
      if (w.status === 'tilbakemelding-gitt') {
        actions.push(executeButton(t('card.updateFeedback'), WORK_UPDATE_VERB, { ...data, to: 'tilbakemelding-gitt' }));
      }
    }
    if (editable) actions.push(executeButton(t('card.saveDraft'), WORK_UPDATE_VERB, data));
    for (const to of moves) {
      const reopen = to === 'pabegynt' && w.status !== 'ikke-startet';
      actions.push(
        executeButton(titleOf(w.status, to), WORK_UPDATE_VERB, { ...data, to }, {
          ...(reopen ? { associatedInputs: 'none' } : {}),
          ...(to === 'levert' || to === 'tilbakemelding-gitt' ? { style: 'positive' } : {}),
        }),
      );
    }
  }
  return adaptiveCard(
    body,
    actions,
    t(overdue ? 'card.fallbackOverdue' : 'card.fallback', { title: a.title, municipality: w.municipalityName, status: workStatusLabel[w.status] }),
  );
}
