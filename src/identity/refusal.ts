import type { ApiErrorCode, Result } from '../shared/result.js';
import { t } from './messages.js';

type Key = Parameters<typeof t>[0];

/**
 * A refusal whose text is read when it is sent, not when it is made. The caller is
 * authenticated before the request's language scope begins (src/platform/http/server.ts runs
 * inLocale only after), so a text made at once would always be bokmål; sendResult reads
 * `message` inside the scope of the language the tab asked for.
 */
export function refusal(code: ApiErrorCode, key: Key): Result<never> {
  const error = { code } as { code: ApiErrorCode; message: string };
  Object.defineProperty(error, 'message', { enumerable: true, get: () => t(key) });
  return { ok: false, error };
}
