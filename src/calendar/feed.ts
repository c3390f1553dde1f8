import ical, { ICalEventBusyStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { OSLO } from '../shared/time.js';
import { vtimezone } from './domain/vtimezone.js';

/** One event of a feed, in the terms of RFC 5545. */
export interface CalendarEvent {
  /** Stable across fetches and edits: the calendar matches its copy by it. */
  uid: string;
  /** Raised by every change a calendar shows (src/platform/db/migrations/015_calendar_feed.sql). */
  sequence: number;
  start: Date;
  /** None for a deadline: an instant, not a stretch of time. */
  end: Date | null;
  summary: string;
  description: string;
  location: string | null;
  /** The Teams meeting link. */
  url: string | null;
  lastModified: Date;
  /** A session blocks the time; a deadline does not. */
  busy: boolean;
}

export interface FeedContent {
  name: string;
  description: string;
  events: readonly CalendarEvent[];
  now: Date;
}

const REFRESH_SECONDS = 60 * 60;

/**
 * The ICS text, written by ical-generator. Times carry TZID=Europe/Oslo with the zone's own
 * VTIMEZONE, so 09:00 stays 09:00 in Oslo on both sides of a DST change in every client.
 * Deleted plan items are simply left out: a subscribed calendar is replaced whole on every
 * refresh (Outlook, Google and Apple alike), so a missing UID disappears there, whereas
 * STATUS:CANCELLED belongs to invitations (iTIP) and clients differ in what a subscription does
 * with it (some keep showing the event).
 */
export function feedIcs(content: FeedContent): string {
  const referenceYear = DateTime.fromJSDate(content.now, { zone: OSLO }).year;
  const calendar = ical({
    prodId: { company: 'Samlingspunkt', product: 'Samlingspunkt', language: 'NB' },
    name: content.name,
    description: content.description,
    // No calendar-wide name: ical-generator would then write DTSTAMP and LAST-MODIFIED in local
    // time, and RFC 5545 wants them in UTC. Each event names its zone; the generator writes its VTIMEZONE.
    timezone: { name: null, generator: (zone) => vtimezone(zone, referenceYear) },
    ttl: REFRESH_SECONDS,
  });
  calendar.x('X-WR-TIMEZONE', OSLO);
  for (const e of content.events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: content.now,
      lastModified: e.lastModified,
      timezone: OSLO,
      start: DateTime.fromJSDate(e.start, { zone: OSLO }),
      end: e.end ? DateTime.fromJSDate(e.end, { zone: OSLO }) : null,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
      busystatus: e.busy ? ICalEventBusyStatus.BUSY : ICalEventBusyStatus.FREE,
      transparency: e.busy ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
