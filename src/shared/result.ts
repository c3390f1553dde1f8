import { t } from './messages.js';

/**
 * Expected failures, as values. The HTTP layer turns each code into a status in one place.
 * The codes are for programs (the tab switches on them); the message is what the person
 * reads, so it comes from a t(...) in the reader's language, never a literal.
 */
export type ApiErrorCode =
  | 'ugyldig-forespørsel' // i18n-ignore: a code
  | 'ikke-innlogget'
  | 'ingen-tilgang'
  | 'finnes-ikke'
  /** The request was fine but the record's state forbids it now: a passed due time, an illegal status move. */
  | 'konflikt'
  /** Someone else saved a newer version while this person was writing: show them the newer one. */
  | 'utdatert'
  /** A service the request depends on (Microsoft Graph) failed or did not answer in time: try again later. */
  | 'ekstern-feil';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** The input field a 400 is about («title», «rules.0.at»), for the tab to highlight. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** The usual refusal of a domain check: the input is wrong, and the message says how to fix it. */
export const invalid = <T = never>(message: string, field?: string): Result<T> => fail('ugyldig-forespørsel', message, field); // i18n-ignore: a code
export const fail = <T = never>(code: ApiErrorCode, message: string, field?: string): Result<T> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

export const statusOf: Record<ApiErrorCode, number> = {
  'ugyldig-forespørsel': 400, // i18n-ignore: a code
  'ikke-innlogget': 401,
  'ingen-tilgang': 403,
  'finnes-ikke': 404,
  konflikt: 409,
  utdatert: 409,
  'ekstern-feil': 502,
};

/**
 * Everything unexpected, from HTTP or the bot, is told the same way: a fixed text in the reader's language and
 * an id that is also in the log line, so support can find the cause without the user ever
 * seeing SQL, addresses or stacks.
 */
export const INTERNAL_ERROR_CODE = 'intern-feil';
export const internalErrorMessage = (correlationId: string): string => t('internalError', { id: correlationId });
