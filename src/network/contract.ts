/**
 * The tab API of learning networks and their members, as types only. The tab sees these
 * through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Network } from '../shared/types.js';
import type { NetworkMemberRow } from './sql/members.js';
import type { addMemberSchema } from './input.js';

/** A network as listed: what the tab shows and links by. */
export type NetworkView = Pick<Network, 'id' | 'slug' | 'name' | 'regionId' | 'regionName'>;

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
