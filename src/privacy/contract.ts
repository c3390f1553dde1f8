/**
 * The tab API of privacy: who the caller is, their data export and deletion, a network's
 * retention and a region's audit log, as types only. The tab sees these through `Json<…>`
 * (src/shared/json.ts): the audit log's times, Dates here, arrive as ISO strings.
 */
import type { z } from 'zod';
import type { Actor } from '../shared/policy.js';
import type { AuditRow } from '../shared/sql/audit.js';
import type { deleteSchema, retentionSchema } from './input.js';

/** GET /api/me */
export interface MeResponse extends Pick<Actor, 'displayName' | 'memberships' | 'coordinatorRegionIds'> {
  /** False for someone Samlingspunkt has no record of. */
  registered: boolean;
}

/**
 * GET /api/me/export: everything stored about the caller, section by section. The keys are data
 * (Norwegian, the same in every language); `merknad` is a note in the reader's language.
 */
export type MeExportResponse = { person: null; merknad: string } | { eksportert: string; merknad: string; [section: string]: unknown };

/** POST /api/me/delete */
export type DeleteMeRequest = z.input<typeof deleteSchema>;
export interface DeleteMeResponse {
  deleted: true;
}

/** GET and PUT /api/networks/:networkId/retention */
export type RetentionRequest = z.input<typeof retentionSchema>;
export interface RetentionResponse {
  /** Months a network's answers are kept after its last activity. */
  months: number | undefined;
}

/** GET /api/regions/:regionId/audit */
export interface AuditResponse {
  entries: AuditRow[];
}
