/**
 * Mellomarbeid: work a municipality does between seminars. The status machine lives here;
 * the database repeats it as a trigger and every write is guarded with WHERE status = expected.
 */
import { formatCount } from '../../platform/i18n/format.js';
import { intlTag } from '../../platform/i18n/locale.js';
import { currentLocale } from '../../platform/i18n/context.js';
import { localizedRecord } from '../../platform/i18n/messages.js';
import { invalid, ok, type Result } from '../../shared/result.js';
import { t } from '../messages.js';

export const workStatuses = ['ikke-startet', 'pabegynt', 'levert', 'tilbakemelding-gitt'] as const;
export type WorkStatus = (typeof workStatuses)[number];

/** «Ikke startet» … in the reader's language, read when a card or message is built. */
export const workStatusLabel: Readonly<Record<WorkStatus, string>> = localizedRecord(workStatuses, (s) => t(`status.${s}`));

/** The status mid-sentence: «ikke startet». */
export const workStatusWord = (s: WorkStatus): string => workStatusLabel[s].toLocaleLowerCase(intlTag[currentLocale()]);

export const SUBMISSION_MAX_CHARS = 8000;
export const FEEDBACK_MAX_CHARS = 4000;
export const DESCRIPTION_MAX_CHARS = 4000;
export const URL_MAX_CHARS = 2000;

export interface Assignment {
  id: string;
  networkId: string;
  planItemId: string;
  title: string;
  description: string;
  dueAt: Date;
}

export interface MunicipalityWork {
  assignmentId: string;
  municipalityNumber: string;
  municipalityName: string;
  status: WorkStatus;
  submissionText: string | null;
  submissionUrl: string | null;
  feedback: string | null;
  deliveredAt: Date | null;
  feedbackAt: Date | null;
  updatedAt: Date;
}

/** Who is moving the status: the municipality's own people, or a facilitator. */
export type WorkRole = 'kommune' | 'fasilitator';

type Move = { from: WorkStatus; to: WorkStatus; who: readonly WorkRole[] };

const moves: readonly Move[] = [
  { from: 'ikke-startet', to: 'pabegynt', who: ['kommune', 'fasilitator'] },
  { from: 'pabegynt', to: 'levert', who: ['kommune', 'fasilitator'] },
  { from: 'levert', to: 'tilbakemelding-gitt', who: ['fasilitator'] },
  // Reopening: a facilitator sends delivered work back for more.
  { from: 'levert', to: 'pabegynt', who: ['fasilitator'] },
  { from: 'tilbakemelding-gitt', to: 'pabegynt', who: ['fasilitator'] },
];

/** Whether `role` may move the work from `from` to `to`, and if not, why, in the reader's language. */
export function checkMove(from: WorkStatus, to: WorkStatus, role: WorkRole): Result<void> {
  if (from === to) return ok(undefined);
  const move = moves.find((m) => m.from === from && m.to === to);
  if (move && move.who.includes(role)) return ok(undefined);
  if (move) {
    return to === 'pabegynt'
      ? invalid(t('move.reopenFacilitatorOnly'))
      : invalid(t('move.feedbackFacilitatorOnly'));
  }
  const order = workStatuses.indexOf(to) - workStatuses.indexOf(from);
  if (order > 1) {
    const next = moves.find((m) => m.from === from && workStatuses.indexOf(m.to) > workStatuses.indexOf(from));
    const words = { from: workStatusWord(from), to: workStatusWord(to) };
    return invalid(next ? t('move.skipVia', { ...words, next: workStatusWord(next.to) }) : t('move.skip', words));
  }
  return invalid(t('move.notAllowed', { from: workStatusWord(from), to: workStatusWord(to) }));
}

/** The moves the role can make from here, in the order a card or the tab offers them. */
export function nextMoves(from: WorkStatus, role: WorkRole): WorkStatus[] {
  return moves.filter((m) => m.from === from && m.who.includes(role)).map((m) => m.to);
}

/** Text and link may change while the work is open; delivered work is frozen until reopened. */
export function submissionEditable(status: WorkStatus): boolean {
  return status === 'ikke-startet' || status === 'pabegynt';
}

export function isOverdue(dueAt: Date, status: WorkStatus, now: Date): boolean {
  return (status === 'ikke-startet' || status === 'pabegynt') && now.getTime() > dueAt.getTime();
}

/** Delivered or beyond: what «progress per assignment» counts. */
export function isDelivered(status: WorkStatus): boolean {
  return status === 'levert' || status === 'tilbakemelding-gitt';
}

export interface WorkChange {
  to?: WorkStatus;
  submissionText?: string | null;
  submissionUrl?: string | null;
  feedback?: string | null;
}

export type PlannedChange = Result<{
  to: WorkStatus;
  submissionText: string | null;
  submissionUrl: string | null;
  feedback: string | null;
}>;

/**
 * The whole decision for one update: status move, submission and feedback rules together,
 * so the bot and the tab refuse the same things with the same words.
 */
export function planChange(current: MunicipalityWork, change: WorkChange, role: WorkRole): PlannedChange {
  const touchesSubmission = change.submissionText !== undefined || change.submissionUrl !== undefined;
  const submissionText = change.submissionText !== undefined ? change.submissionText : current.submissionText;
  const submissionUrl = change.submissionUrl !== undefined ? change.submissionUrl : current.submissionUrl;
  // Writing on work not yet started starts it: that is the one legal step from there.
  let to = change.to ?? current.status;
  if (touchesSubmission && change.to === undefined && current.status === 'ikke-startet') to = 'pabegynt';

  const move = checkMove(current.status, to, role);
  if (!move.ok) return move;
  if (touchesSubmission && !submissionEditable(current.status) && to !== 'pabegynt') {
    return invalid(t('change.frozen'));
  }
  if (to === 'levert' && current.status !== 'levert' && !submissionText?.trim() && !submissionUrl?.trim()) {
    return invalid(t('change.emptyDelivery'));
  }
  let feedback = current.feedback;
  if (change.feedback !== undefined) {
    if (role !== 'fasilitator') return invalid(t('move.feedbackFacilitatorOnly'));
    if (to !== 'tilbakemelding-gitt') return invalid(t('change.feedbackOnDelivered'));
    feedback = change.feedback;
  }
  if (to === 'tilbakemelding-gitt' && !feedback?.trim()) {
    return invalid(t('change.feedbackMissing'));
  }
  return ok({ to, submissionText, submissionUrl, feedback });
}

const within = (value: string | null | undefined, max: number) => !value || value.length <= max;

/** Length and link rules for what people type, with the limit in the message. */
export function checkWorkTexts(change: WorkChange): Result<void> {
  if (!within(change.submissionText, SUBMISSION_MAX_CHARS)) {
    return invalid(t('change.submissionTooLong', { length: formatCount(change.submissionText!.length), max: formatCount(SUBMISSION_MAX_CHARS) }));
  }
  if (!within(change.feedback, FEEDBACK_MAX_CHARS)) {
    return invalid(t('change.feedbackTooLong', { length: formatCount(change.feedback!.length), max: formatCount(FEEDBACK_MAX_CHARS) }));
  }
  const url = change.submissionUrl;
  if (url && (url.length > URL_MAX_CHARS || !/^https:\/\/\S+$/.test(url))) {
    return invalid(t('change.badUrl', { max: URL_MAX_CHARS }));
  }
  return ok(undefined);
}
