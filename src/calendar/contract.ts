/**
 * The tab API of calendar subscriptions, as types only. A feed's address holds a secret that is
 * stored hashed: the tab learns it once, from the POST that makes it, and never again.
 */

/**
 * GET /api/calendar/personal and GET /api/calendar/networks/:networkId. Outside the network's own
 * paths on purpose: a person's address is theirs to make and revoke, also once the network has
 * ended (when every write to the network itself is refused).
 */
export interface CalendarFeedState {
  /** Whether the caller has a live address for this feed. */
  exists: boolean;
  createdAt: string | null;
  /** When a calendar client last fetched it (null: never, or no address). */
  lastFetchedAt: string | null;
}

/** POST …: a new address; the old one, if any, stops working at once. */
export interface CalendarFeedCreated {
  /** The feed's path on this server, `/calendar/<secret>.ics`: the tab makes the https:// and webcal:// addresses of it. */
  path: string;
  createdAt: string;
}

/** DELETE …: the address is revoked (false: there was none). */
export interface CalendarFeedRevoked {
  revoked: boolean;
}
