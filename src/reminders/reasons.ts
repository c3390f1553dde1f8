import { t } from './messages.js';

/**
 * Why a reminder was cancelled or skipped, or a delivery failed. The reason is stored with the
 * row in bokmål, as it always was (the audit trail and older rows read the same), and turned
 * into the reader's language when the report shows it.
 */
const reasonKeys = [
  'subjectRemoved',
  'timePassed',
  'quietPastDeadline',
  'ruleRemoved',
  'unknownKind',
  'subjectGone',
  'tooLate',
  'nothingToSend',
] as const;
export type ReasonKey = (typeof reasonKeys)[number];

/** The text stored for a reason (bokmål: stored data, not a message to anyone in particular). */
export function storedReason(key: ReasonKey): string {
  return t.in('nb', `reason.${key}`);
}

/** The stored reason a conversation that is gone gets, with the channel's own detail. */
export function storedConversationGone(detail: string): string {
  return t.in('nb', 'reason.conversationGone', { detail });
}

/** A stored reason in the current reader's language; one we do not know (a channel's own words) as stored. */
export function reasonText(stored: string | null): string | null {
  if (stored === null) return null;
  const key = reasonKeys.find((k) => storedReason(k) === stored);
  if (key) return t(`reason.${key}`);
  const gone = /^samtalen finnes ikke lenger \((.*)\)$/s.exec(stored); // the stored bokmål form of reason.conversationGone
  return gone ? t('reason.conversationGone', { detail: gone[1]! }) : stored;
}
