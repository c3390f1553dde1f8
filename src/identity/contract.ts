/**
 * The public identity routes the tab calls before anyone is signed in, as types only. The tab
 * sees these through `Json<…>` (src/shared/json.ts).
 */
import type { AuthConfigDto } from './auth-config.js';
import type { DevUserDto } from './dev-users.js';

export type { AuthConfigDto, DevUserDto };

/** GET /api/auth/config */
export type AuthConfigResponse = AuthConfigDto;

/** GET /api/dev/users (local mode, loopback only) */
export interface DevUsersResponse {
  users: DevUserDto[];
}
