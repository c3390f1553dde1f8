/**
 * The tab API of focus areas and reform phases, as types only: what each route answers and
 * what it accepts. The tab sees these through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { MunicipalityStanding, Phase } from './domain/focus.js';
import type { Json } from '../shared/json.js';
import type { focusSchema, phaseSchema } from './input.js';

export type { Phase };

/** A municipality's phase and chosen focus areas. */
export type MunicipalityStandingView = Json<MunicipalityStanding>;

/** GET /api/networks/:networkId/municipalities */
export interface StandingResponse {
  canSetPhase: boolean;
  phases: { phase: Phase; label: string }[];
  /** The reform catalogue as choices (focus areas and their solutions). */
  catalogue: { title: string; value: string }[];
  municipalities: (MunicipalityStandingView & { canChooseFocus: boolean })[];
}

/** PUT /api/networks/:networkId/municipalities/:number/phase */
export type PhaseRequest = z.input<typeof phaseSchema>;
export interface PhaseResponse {
  number: string;
  phase: Phase | null;
}

/** PUT /api/networks/:networkId/municipalities/:number/focus */
export type FocusRequest = z.input<typeof focusSchema>;
export interface FocusResponse {
  municipality: MunicipalityStandingView;
}
