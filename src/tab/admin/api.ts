import { apiCall, networkPath } from '../api.js';
import type {
  AddCoordinatorRequest,
  AddMemberRequest,
  AddMemberResponse,
  AddMunicipalitiesRequest,
  AddMunicipalitiesResponse,
  MembersResponse,
  MunicipalityOptionsResponse,
  NetworkAdminResponse,
  NetworkStateResponse,
  RegionCoordinatorsResponse,
  RosterResponse,
  UpdateMemberRequest,
  UpdateMemberResponse,
} from '../api-types.js';

// The administration routes (src/network/api: municipalities.ts, members.ts, lifecycle.ts, coordinators.ts).

const region = (regionId: string) => `/api/regions/${encodeURIComponent(regionId)}/coordinators`;

export const adminApi = {
  overview: (networkId: string, signal?: AbortSignal) => apiCall<NetworkAdminResponse>('GET', `${networkPath(networkId)}/admin`, undefined, signal),
  members: (networkId: string, signal?: AbortSignal) => apiCall<MembersResponse>('GET', `${networkPath(networkId)}/members`, undefined, signal),
  roster: (networkId: string, signal?: AbortSignal) => apiCall<RosterResponse>('GET', `${networkPath(networkId)}/roster`, undefined, signal),
  allMunicipalities: (signal?: AbortSignal) => apiCall<MunicipalityOptionsResponse>('GET', '/api/municipalities', undefined, signal),
  addMunicipalities: (networkId: string, municipalityNumbers: string[]) =>
    apiCall<AddMunicipalitiesResponse>('POST', `${networkPath(networkId)}/municipalities`, { municipalityNumbers } satisfies AddMunicipalitiesRequest),
  removeMunicipality: (networkId: string, number: string) =>
    apiCall<unknown>('DELETE', `${networkPath(networkId)}/municipalities/${encodeURIComponent(number)}`),
  addMember: (networkId: string, body: AddMemberRequest) => apiCall<AddMemberResponse>('POST', `${networkPath(networkId)}/members`, body),
  updateMember: (networkId: string, memberId: string, body: UpdateMemberRequest) =>
    apiCall<UpdateMemberResponse>('PATCH', `${networkPath(networkId)}/members/${encodeURIComponent(memberId)}`, body),
  removeMember: (networkId: string, memberId: string) => apiCall<unknown>('DELETE', `${networkPath(networkId)}/members/${encodeURIComponent(memberId)}`),
  end: (networkId: string) => apiCall<NetworkStateResponse>('POST', `${networkPath(networkId)}/archive`, { confirm: true }),
  reopen: (networkId: string) => apiCall<NetworkStateResponse>('POST', `${networkPath(networkId)}/reopen`, {}),
  coordinators: (regionId: string, signal?: AbortSignal) => apiCall<RegionCoordinatorsResponse>('GET', region(regionId), undefined, signal),
  addCoordinator: (regionId: string, body: AddCoordinatorRequest) => apiCall<unknown>('POST', region(regionId), body),
  removeCoordinator: (regionId: string, memberId: string) => apiCall<unknown>('DELETE', `${region(regionId)}/${encodeURIComponent(memberId)}`),
};

type Sector = MembersResponse['members'][number]['sector'];
/** The sectors in the order the Selects offer them; the check below fails the build if the server adds one. */
export const SECTORS = ['helse-og-omsorg', 'plan', 'kultur', 'teknisk', 'folkehelse', 'frivillighet', 'eldrerad', 'annet'] as const satisfies readonly Sector[];
type Missing = Exclude<Sector, (typeof SECTORS)[number]>;
export const sectorsComplete: Missing extends never ? true : never = true;
