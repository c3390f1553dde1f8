import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../platform/db/port.js';
import { localSecretOnce } from './sql/local-secret.js';

/**
 * Keys derived from one server secret (POLL_HASH_SECRET): one for anonymous voter keys, one
 * for signing card data. Separate derivations, so a signature can never double as a voter key.
 * The secret itself is never logged, returned or stored outside local_secret in local mode.
 */
export interface PollKeys {
  /** HMAC of a person for one poll: dedups anonymous answers without storing who answered. */
  voterKey(pollId: string, tenantId: string, aadObjectId: string): string;
  /** Short MAC over what a card button is allowed to do («maling.svar» on poll X). */
  sign(verb: string, subjectId: string): string;
  verify(verb: string, subjectId: string, signature: unknown): boolean;
}

export function pollKeys(secret: Buffer): PollKeys {
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
  const voterSecret = derive('samlingspunkt/poll-voter-key/v1');
  const signSecret = derive('samlingspunkt/card-signature/v1');
  const sign = (verb: string, subjectId: string) =>
    createHmac('sha256', signSecret).update(`${verb}\n${subjectId}`).digest('base64url').slice(0, 22);
  return {
    voterKey: (pollId, tenantId, aadObjectId) =>
      createHmac('sha256', voterSecret).update(`${pollId}\n${tenantId.toLowerCase()}\n${aadObjectId.toLowerCase()}`).digest('hex'),
    sign,
    verify(verb, subjectId, signature) {
      if (typeof signature !== 'string') return false;
      const expected = Buffer.from(sign(verb, subjectId));
      const given = Buffer.from(signature, 'utf8');
      // timingSafeEqual throws on unequal lengths, and 22 characters can be more than 22 bytes
      // («é»): anything not exactly our length is simply not our signature.
      return given.length === expected.length && timingSafeEqual(expected, given);
    },
  };
}

const LOCAL_SECRET_NAME = 'poll-hash';

/**
 * Production: POLL_HASH_SECRET (config refuses to start without it). Local mode without it:
 * a random key generated once and kept in the database, so anonymous answers stay deduplicated
 * and posted cards stay valid across restarts. Two local instances agree through the upsert.
 */
export async function resolvePollSecret(db: Queryable, configured: string | undefined): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  return Buffer.from(await localSecretOnce(db, LOCAL_SECRET_NAME, randomBytes(32)));
}
