/**
 * «Hvem har ikke svart», pure: the people who still owe an answer grouped per municipality, and
 * the limit on follow-up reminders. The people themselves come from the subject's own capability
 * (the same query its due reminder uses), so the list and the reminder's recipients are one set.
 */

/**
 * One follow-up reminder per subject per this interval. A second «Send påminnelse til disse»
 * inside it (a double click, a second facilitator, a reload) returns the reminder already made
 * instead of sending again: a nudge a day is a reminder, two an hour is noise.
 */
export const FOLLOWUP_INTERVAL_MS = 24 * 3_600_000;

/** How one person stands towards reminders: gets it, said no (stop or opt-out), or cannot be reached. */
export type ReminderReach = 'far' | 'avmeldt' | 'utilgjengelig';

export interface NonAnswerer {
  memberId: string;
  name: string;
  municipalityNumber: string | null;
  municipalityName: string | null;
  reach: ReminderReach;
}

export interface NonAnswererGroup {
  municipalityNumber: string | null;
  municipalityName: string | null;
  people: { memberId: string; name: string; reach: ReminderReach }[];
}

/** Per municipality, by name (Norwegian order), people without a municipality last. */
export function groupByMunicipality(people: readonly NonAnswerer[]): NonAnswererGroup[] {
  const groups = new Map<string, NonAnswererGroup>();
  for (const p of people) {
    const key = p.municipalityNumber ?? '';
    const group = groups.get(key) ?? { municipalityNumber: p.municipalityNumber, municipalityName: p.municipalityName, people: [] };
    group.people.push({ memberId: p.memberId, name: p.name, reach: p.reach });
    groups.set(key, group);
  }
  const collator = new Intl.Collator('nb');
  for (const g of groups.values()) g.people.sort((a, b) => collator.compare(a.name, b.name));
  return [...groups.values()].sort((a, b) =>
    a.municipalityName === null ? 1 : b.municipalityName === null ? -1 : collator.compare(a.municipalityName, b.municipalityName),
  );
}

/** When the next follow-up may go out, given when the last one was asked for; undefined once it may. */
export function nextFollowupAllowedAt(lastRequestedAt: Date | undefined, now: Date): Date | undefined {
  if (!lastRequestedAt) return undefined;
  const next = new Date(lastRequestedAt.getTime() + FOLLOWUP_INTERVAL_MS);
  return next.getTime() > now.getTime() ? next : undefined;
}
