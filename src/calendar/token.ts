import { createHash, randomBytes } from 'node:crypto';

/** The secret in a feed's address: 32 random bytes, base64url (43 characters). */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored of it. A plain SHA-256 is enough: the token is 256 random bits, so nothing is
 * gained by a slow hash, and the lookup stays one index probe.
 */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const FEED_PATH_PREFIX = '/calendar/';
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

export const feedPath = (token: string): string => `${FEED_PATH_PREFIX}${token}.ics`;

/** The token of a `<token>.ics` path segment, or undefined for anything else. */
export function tokenOfFeedFile(file: string | undefined): string | undefined {
  return FEED_FILE.exec(file ?? '')?.[1];
}
