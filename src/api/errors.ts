/** Expected failures, as values. The HTTP layer turns each code into a status in one place. */
export type ApiErrorCode =
  | 'ugyldig-forespørsel'
  | 'ikke-innlogget'
  | 'ingen-tilgang'
  | 'finnes-ikke'
  /** The request was fine but the record's state forbids it now: a passed due time, an illegal status move, a stale version. */
  | 'konflikt';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ApiErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

export const statusOf: Record<ApiErrorCode, number> = {
  'ugyldig-forespørsel': 400,
  'ikke-innlogget': 401,
  'ingen-tilgang': 403,
  'finnes-ikke': 404,
  konflikt: 409,
};
