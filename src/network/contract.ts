/**
 * The tab API of learning networks and their members, as types only. The tab sees these
 * through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Network } from '../shared/types.js';
import type { NetworkMemberRow } from './sql/members.js';
import type { addCoordinatorSchema, addMemberSchema, addMunicipalitiesSchema, endNetworkSchema, updateMemberSchema } from './input.js';
import type { MunicipalityOption, NetworkMunicipalityUse } from './sql/municipalities.js';
import type { RosterCandidate } from './sql/roster.js';
import type { CoordinatorRow } from './sql/coordinators.js';

/**
 * A network as listed: what the tab shows and links by. `endedAt` (ISO) is set once the
 * programme has ended: the tab then shows it read-only.
 */
export type NetworkView = Pick<Network, 'id' | 'slug' | 'name' | 'regionId' | 'regionName'> & { endedAt: Date | null };

/** GET /api/networks: the networks the caller may see. */
export interface NetworksResponse {
  networks: NetworkView[];
}

/** GET /api/networks/:networkId/members */
export interface MembersResponse {
  members: NetworkMemberRow[];
  municipalities: { number: string; name: string }[];
}

/** POST /api/networks/:networkId/members */
export type AddMemberRequest = z.input<typeof addMemberSchema>;
export interface AddMemberResponse {
  memberId: string;
}

/** DELETE /api/networks/:networkId/members/:memberId */
export interface RemoveMemberResponse {
  removed: true;
}

/** GET /api/municipalities: the 357, for the admin view's picker. */
export interface MunicipalityOptionsResponse {
  municipalities: MunicipalityOption[];
}

/** GET /api/networks/:networkId/admin: the admin view's overview (municipalities with what still belongs to each). */
export interface NetworkAdminResponse {
  network: NetworkView;
  municipalities: NetworkMunicipalityUse[];
  access: AdminAccess;
}

/** What the admin view offers the caller, from the policy. */
export interface AdminAccess {
  /** Add and remove municipalities and members, change roles (a facilitator of a running network). */
  canManage: boolean;
  canEnd: boolean;
  canReopen: boolean;
  /** The caller coordinates the network's region: the coordinators section. */
  coordinatesRegion: boolean;
}

/** POST /api/networks/:networkId/municipalities */
export type AddMunicipalitiesRequest = z.input<typeof addMunicipalitiesSchema>;
export interface AddMunicipalitiesResponse {
  /** The numbers that were new to the network (already there: left as they were). */
  added: string[];
}

/** DELETE /api/networks/:networkId/municipalities/:number */
export interface RemoveMunicipalityResponse {
  removed: true;
}

/** GET /api/networks/:networkId/roster: people in the network's Teams team who are not in it yet. */
export interface RosterResponse {
  /** The team bound to the network; without one there is no roster to invite from. */
  teamBound: boolean;
  people: RosterCandidate[];
}

/** PATCH /api/networks/:networkId/members/:memberId: what is sent changes, the rest stays. */
export type UpdateMemberRequest = z.input<typeof updateMemberSchema>;
export interface UpdateMemberResponse {
  member: NetworkMemberRow;
}

/** POST /api/networks/:networkId/archive and …/reopen */
export type EndNetworkRequest = z.input<typeof endNetworkSchema>;
export interface NetworkStateResponse {
  network: NetworkView;
}

/** GET /api/regions/:regionId/coordinators */
export interface RegionCoordinatorsResponse {
  region: { id: string; name: string };
  coordinators: CoordinatorRow[];
}

/** POST /api/regions/:regionId/coordinators */
export type AddCoordinatorRequest = z.input<typeof addCoordinatorSchema>;
export interface AddCoordinatorResponse {
  memberId: string;
}

/** DELETE /api/regions/:regionId/coordinators/:memberId */
export interface RemoveCoordinatorResponse {
  removed: true;
}
