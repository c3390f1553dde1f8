/**
 * The public identity routes the tab calls before anyone is signed in, as types only. The tab
 * sees these through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Locale } from '../platform/i18n/locale.js';
import type { AuthConfigDto } from './auth-config.js';
import type { languageSchema } from './input.js';
import type { DevUserDto } from './dev-users.js';

export type { AuthConfigDto, DevUserDto };

/** GET /api/auth/config */
export type AuthConfigResponse = AuthConfigDto;

/** GET /api/dev/users (local mode, loopback only) */
export interface DevUsersResponse {
  users: DevUserDto[];
}

/** GET and PUT /api/me/language: the caller's own choice, and the language the app uses for them. */
export interface LanguageResponse {
  /** What they chose; null: follow Teams and their municipality's official language form. */
  saved: Locale | null;
  /** What the app writes to them now (this request's language). */
  effective: Locale;
}
export type LanguageRequest = z.input<typeof languageSchema>;
