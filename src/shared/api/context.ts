import type { ProactiveSender } from '../proactive.js';
import type { Database } from '../../platform/db/port.js';
import type { Actor, Decision } from '../policy.js';
import type { Logger } from '../../platform/logging.js';
import { describeInputProblem, describeIssues, fieldKey, findInputProblem, firstIssueField, z } from '../validation.js';
import type { Caller } from './caller.js';
import { t } from '../messages.js';
import { fail, invalid, ok, type Result } from '../result.js';

export interface ApiContext {
  db: Database;
  log: Logger;
  caller: Caller;
  /** The caller as a member; someone not registered anywhere has no memberships. */
  actor: Actor;
  now: Date;
  /** Proactive messages from a tab action (sending a reflection task to the deltakere). */
  sender: ProactiveSender;
}

export interface ApiInput {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * A download instead of JSON (a poll's CSV or XLSX export): a route returns it as its value and
 * the HTTP layer sends the bytes with their content type and file name.
 */
export class FileResponse {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly body: Buffer,
  ) {}
}

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'del';
  path: string;
  /** Status on success (200 unless said). */
  okStatus?: 200 | 201;
  handle(ctx: ApiContext, input: ApiInput): Promise<Result<unknown>>;
}

export function unregisteredActor(caller: Caller): Actor {
  return {
    memberId: '',
    tenantId: caller.tenantId,
    aadObjectId: caller.aadObjectId,
    displayName: '',
    memberships: [],
    coordinatorRegionIds: [],
  };
}

export function parse<T>(schema: z.ZodType<T>, input: unknown, subject?: string): Result<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return invalid(t('validation.notAnObject'));
  }
  // The text rule first, over every string: also those the schema does not look at.
  const problem = findInputProblem(input);
  if (problem) return invalid(describeInputProblem(problem, subject), fieldKey(problem.path));
  const result = schema.safeParse(input);
  return result.success
    ? ok(result.data)
    : invalid(describeIssues(result.error, subject), firstIssueField(result.error));
}

/**
 * Every route behind the same check of its raw input: a control character or broken text in
 * the path, the query or the body is a 400 before the handler reads any of it, so no route can
 * pass it on to the database (Postgres refuses NUL with an error, not a row).
 */
export function checkedRoute(route: ApiRoute): ApiRoute {
  return {
    ...route,
    handle(ctx, input) {
      for (const [part, value] of [
        ['params', input.params],
        ['query', input.query],
        ['body', input.body],
      ] as const) {
        const problem = findInputProblem(value);
        if (!problem) continue;
        if (part === 'body') return Promise.resolve(invalid(describeInputProblem(problem), fieldKey(problem.path)));
        // A path segment or query value has no form label: the address as a whole is wrong.
        return Promise.resolve(invalid(describeInputProblem({ path: [], message: problem.message }, t('validation.addressSubject'), t('validation.addressWhole'))));
      }
      return route.handle(ctx, input);
    },
  };
}

export function decide(decision: Decision): Result<void> {
  return decision.allowed ? ok(undefined) : fail('ingen-tilgang', decision.message);
}

export const idSchema = z.uuid({ error: () => t('validation.uuid') });

export function idFromPath(rawId: string | undefined, what: string): Result<string> {
  const id = idSchema.safeParse(rawId);
  return id.success ? ok(id.data) : invalid(t('validation.badId', { what }));
}
