/**
 * Which views the navigation offers, from GET /api/me/access (the server's policy, per network):
 * a view a role cannot use is not offered at all, rather than answering «Bare fasilitatorer …».
 */
import { useEffect, useState } from 'react';
import type { ViewAccessResponse } from '../api-types.js';
import { getAuthHeaders } from '../api.js';
import { DEV_USER_HEADER } from '../auth.js';
import { personalApi } from './api.js';

export type ViewAccess = ViewAccessResponse;

// One request per signed-in person, shared by the navigation and the first-view choice (the
// local sign-in can switch people without a reload, so the cache is per person).
const cache = new Map<string, Promise<ViewAccess | null>>();

async function loadAccess(): Promise<ViewAccess | null> {
  let who = 'teams';
  try {
    who = (await getAuthHeaders())[DEV_USER_HEADER] ?? who;
  } catch {
    return null;
  }
  let pending = cache.get(who);
  if (!pending) {
    // A failure offers every view (each view still asks the server itself), never none.
    pending = personalApi.access().catch(() => {
      cache.delete(who);
      return null;
    });
    cache.set(who, pending);
  }
  return pending;
}

/** null while loading, or when it could not be read. */
export function useViewAccess(): { access: ViewAccess | null; loaded: boolean } {
  const [state, setState] = useState<{ access: ViewAccess | null; loaded: boolean }>({ access: null, loaded: false });
  useEffect(() => {
    let live = true;
    void loadAccess().then((access) => live && setState({ access, loaded: true }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The networks a view is judged by: the channel tab's own (`?network=`), else all of the person's. */
function relevant(access: ViewAccess, networkId: string | null): ViewAccess['networks'] {
  return networkId ? access.networks.filter((n) => n.networkId === networkId) : access.networks;
}

/** Whether the navigation offers a view; views it does not know about are offered as before. */
export function viewOffered(view: string, access: ViewAccess | null, networkId: string | null): boolean {
  if (!access) return true;
  const networks = relevant(access, networkId);
  switch (view) {
    case 'personal':
      return access.networks.some((n) => n.role !== 'koordinator');
    case 'paminnelser':
      return networks.some((n) => n.reminderReport);
    case 'administrasjon':
      return networks.some((n) => n.administration);
    case 'region':
      return access.coordinator;
    default:
      return true;
  }
}

/** A deltaker opens the channel tab on her own tasks; everyone else on the plan. */
export function firstView(access: ViewAccess | null, networkId: string | null): string {
  if (!access) return 'plan';
  const networks = relevant(access, networkId);
  return networks.length > 0 && networks.every((n) => n.ownTasks) ? 'personal' : 'plan';
}
