/**
 * A new poll as the tab API receives it (JSON) and as the bot's form card sends it (strings):
 * both end in the same zod schema and the same domain rules, so both refuse the same things
 * with the same Norwegian reasons.
 */
import { definitionIssues, POLL_LIMITS, pollBreakdowns, pollKinds, type PollDefinition } from './domain/polls.js';
import { osloDate, osloInstant } from '../shared/time.js';
import { invalid, ok, type Result } from '../shared/result.js';
import { describeIssues, instant, text, z } from '../shared/validation.js';
import type { PollFormValues } from './cards/form.js';
import { t } from './messages.js';

// Messages as functions: the schema is built once, the refusal in each reader's language.
const shortText = (max: number) => text().trim().max(max, { error: () => t('input.maxChars', { max }) });
const notEmpty = { error: () => t('input.notEmpty') };
const isBoolean = { error: () => t('input.boolean') };
const isList = { error: () => t('input.list') };

export const newPollSchema = z.object({
  question: shortText(POLL_LIMITS.questionChars).min(1, notEmpty),
  kind: z.enum(pollKinds, { error: () => t('input.kindOneOf', { kinds: pollKinds.join(', ') }) }),
  options: z
    .array(shortText(POLL_LIMITS.optionChars).min(1, notEmpty), isList)
    .max(POLL_LIMITS.maxOptions, { error: () => t('input.maxOptions', { max: POLL_LIMITS.maxOptions }) })
    .default([]),
  maxChoices: z.number({ error: () => t('input.number') }).int({ error: () => t('input.integer') }).nullish(),
  scaleMax: z.union([z.literal(5), z.literal(10)], { error: () => t('input.scale') }).nullish(),
  scaleMinLabel: shortText(POLL_LIMITS.scaleLabelChars).nullish(),
  scaleMaxLabel: shortText(POLL_LIMITS.scaleLabelChars).nullish(),
  anonymous: z.boolean(isBoolean).default(false),
  /** Anonymous polls: which dimensions to store with each answer (default none). Named polls store both. */
  breakdown: z.enum(pollBreakdowns, { error: () => t('input.breakdown') }).nullish(),
  planItemId: z.uuid({ error: () => t('input.uuid') }).nullish(),
  opensAt: instant().nullish(),
  closesAt: instant().nullish(),
  sendToAll: z.boolean(isBoolean).default(false),
  /** Opens when the plan item's Teams meeting starts (only with a plan item); opensAt is the fallback. */
  opensAtMeetingStart: z.boolean(isBoolean).default(false),
  /** Stored conversations (the network's channels) to post the card in. */
  postTo: z.array(text().min(1).max(300), isList).max(10).default([]),
});

export type NewPollBody = z.infer<typeof newPollSchema>;

/** POST /api/networks/:networkId/polls/:pollId/repeat: the after-poll of a before/after pair. */
export const repeatSchema = z.object({
  closesAt: instant().nullish(),
  sendToAll: z.boolean(isBoolean).default(false),
  postTo: z.array(text().min(1).max(300), isList).max(10).default([]),
});

export interface NewPollInput {
  definition: PollDefinition;
  planItemId: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  sendToAll: boolean;
  opensAtMeetingStart: boolean;
  postTo: string[];
}

/** zod output → a definition, checked against the domain's cross-field rules and the clock. */
export function toNewPoll(body: NewPollBody, now: Date): Result<NewPollInput> {
  const kind = body.kind;
  const definition: PollDefinition = {
    kind,
    question: body.question,
    options: kind === 'enkeltvalg' || kind === 'flervalg' ? body.options : body.options.filter((o) => o !== ''),
    maxChoices: kind === 'flervalg' ? (body.maxChoices ?? body.options.length) : null,
    scale: kind === 'skala' ? { max: body.scaleMax ?? 5, minLabel: body.scaleMinLabel ?? '', maxLabel: body.scaleMaxLabel ?? '' } : null,
    anonymous: body.anonymous,
    breakdown: body.anonymous ? (body.breakdown ?? 'none') : 'both',
  };
  const issues = definitionIssues(definition);
  const opensAt = body.opensAt ? new Date(body.opensAt) : null;
  const closesAt = body.closesAt ? new Date(body.closesAt) : null;
  if (closesAt && closesAt <= now) issues.push(t('input.closesInPast'));
  if (closesAt && opensAt && closesAt <= opensAt) issues.push(t('input.closesBeforeOpens'));
  if (issues.length > 0) return invalid(t('input.cannotCreate', { issues: issues.join(' ') }));
  // Only a samling has a Teams meeting whose start could open the poll.
  if (body.opensAtMeetingStart && !body.planItemId) return invalid(t('input.meetingStartNeedsItem'), 'opensAtMeetingStart');
  return ok({ definition, planItemId: body.planItemId ?? null, opensAt, closesAt, sendToAll: body.sendToAll, opensAtMeetingStart: body.opensAtMeetingStart, postTo: body.postTo });
}

function osloTime(date: string | undefined, time: string | undefined, now: Date, what: 'opens' | 'closes'): Result<string | null> {
  if (!date && !time) return ok(null);
  const day = date || osloDate(now);
  const field = what === 'opens' ? 'opensTime' : 'closesTime';
  if (!time) return invalid(what === 'opens' ? t('input.pickOpensTime') : t('input.pickClosesTime'), field);
  try {
    return ok(osloInstant(day, time.slice(0, 5)).toISOString());
  } catch {
    return invalid(what === 'opens' ? t('input.badOpensTime') : t('input.badClosesTime'), field);
  }
}

/** The bot's form card (all strings) → the API's shape, then the same checks. */
export function fromForm(values: PollFormValues, now: Date): Result<NewPollInput> {
  const kindValue = values.kind ?? 'enkeltvalg';
  const kind = kindValue.startsWith('skala') ? 'skala' : kindValue;
  const opens = osloTime(values.opensDate, values.opensTime, now, 'opens');
  if (!opens.ok) return opens;
  const closes = osloTime(values.closesDate, values.closesTime, now, 'closes');
  if (!closes.ok) return closes;
  const raw = {
    question: values.question ?? '',
    kind,
    // Options typed before switching to a scale or open text are ignored, not refused.
    options: kind === 'enkeltvalg' || kind === 'flervalg' ? (values.options ?? '').split(/\r?\n/).map((o) => o.trim()).filter((o) => o !== '') : [],
    maxChoices: values.maxChoices ? Number(values.maxChoices) : null,
    scaleMax: kindValue === 'skala10' ? 10 : 5,
    scaleMinLabel: values.scaleMinLabel ?? null,
    scaleMaxLabel: values.scaleMaxLabel ?? null,
    anonymous: values.anonymous === 'true',
    breakdown: values.breakdown || null,
    planItemId: values.planItemId || null,
    opensAt: opens.value,
    closesAt: closes.value,
    sendToAll: values.sendToAll === 'true',
  };
  const parsed = newPollSchema.safeParse(raw);
  if (!parsed.success) return invalid(describeIssues(parsed.error, t('input.checkForm')));
  return toNewPoll(parsed.data, now);
}
