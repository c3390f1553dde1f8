/**
 * The tab API for setting up a network, as types only (the tab imports them through
 * src/tab/api-types.ts).
 */
import type { BodyCode } from '../../shared/types.js';
import type { SetupRequest } from './input.js';

/** GET /api/setup/options: what the set-up form offers, and whether the caller may use it. */
export interface SetupOptionsResponse {
  mayCreate: boolean;
  /** Why not, and whom to ask, in the caller's language; absent when `mayCreate`. */
  refusal?: string;
  regions: { slug: string; name: string; office: string; countyNumbers: string[] }[];
  reforms: { code: string; name: string }[];
  bodies: { code: BodyCode; name: string }[];
  counties: { number: string; name: string }[];
  municipalities: { number: string; name: string; countyNumber: string }[];
}

/** POST /api/networks: arrays for the lists; `teamId` is the Teams team (thread id) to bind, if any. */
export type NewNetworkRequest = SetupRequest;

export interface NewNetworkResponse {
  networkId: string;
  name: string;
  regionName: string;
  reformName: string;
  municipalityCount: number;
  /** False when no team was sent, or Samlingspunkt is not installed in it. */
  teamBound: boolean;
}
