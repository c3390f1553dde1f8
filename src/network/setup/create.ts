import type { Database } from '../../platform/db/port.js';
import { bodyCodes } from '../../shared/types.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { recordAudit } from '../../shared/sql/audit.js';
import { addNetworkMunicipalities, insertNetwork, setNetworkTeam, upsertRegion } from '../sql/networks.js';
import { ensureMember, setNetworkMember } from '../sql/members.js';
import { listMunicipalities, listReforms, referenceRegions } from '../../reference/sql/reference.js';
import type { NewNetworkResponse } from './contract.js';
import { parseSetup, refuse, fieldProblem, type SetupInput } from './input.js';
import { botKnowsTeam, lockNetworkName, networkNameOfTeam, networkNamedInRegion, slugTaken } from './sql/setup.js';
import { t } from './messages.js';

export interface Creator {
  tenantId: string;
  aadObjectId: string;
  /** Teams' name for them (the bot); the tab has none, so a placeholder until Teams names them. */
  displayName: string | undefined;
}

/** «Agder læringsnettverk» → agder-laeringsnettverk: readable, within the column's rule. */
export function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : `nettverk-${base || 'nytt'}`;
}

/** The municipalities the form chose: single ones and whole counties, each known number once. */
async function chosenMunicipalities(db: Database, input: SetupInput): Promise<Result<string[]>> {
  const all = await listMunicipalities(db);
  const known = new Set(all.map((m) => m.number));
  const counties = new Set(all.map((m) => m.countyNumber.trim()));
  for (const county of input.counties) {
    if (!counties.has(county)) return refuse('counties', t('input.countyUnknown', { number: county.slice(0, 10) }));
  }
  for (const number of input.municipalities) {
    if (!known.has(number)) return refuse('municipalities', t('input.municipalityUnknown', { number: number.slice(0, 10) }));
  }
  const picked = new Set(input.municipalities);
  for (const m of all) if (input.counties.includes(m.countyNumber.trim())) picked.add(m.number);
  if (picked.size === 0) return refuse('municipalities', t('input.municipalitiesMissing'));
  return ok([...picked].sort());
}

/**
 * A new network from the set-up form (the bot's card or the tab's configuration page): region
 * (created the first time a network chooses it), network, organising bodies, municipalities,
 * the creator as its first fasilitator, the team binding and the audit entry, in one
 * transaction. Whether the creator may do this at all is asked before (creators.ts).
 */
export async function createNetwork(
  db: Database,
  creator: Creator,
  raw: unknown,
  teamId: string | undefined,
): Promise<Result<NewNetworkResponse & { input: SetupInput }>> {
  const parsed = parseSetup(raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const region = referenceRegions().find((r) => r.slug === input.region);
  if (!region) return refuse('region', t('input.regionUnknown'));
  const reform = (await listReforms(db)).find((r) => r.code === input.reform);
  if (!reform) return refuse('reform', t('input.reformUnknown'));
  const municipalities = await chosenMunicipalities(db, input);
  if (!municipalities.ok) return municipalities;
  const team = teamId?.trim() || undefined;

  return db.transaction(async (tx) => {
    await lockNetworkName(tx, region.slug, input.name);
    if (team) {
      // Never moves a team away from its network (setNetworkTeam would): refused instead.
      await lockNetworkName(tx, 'team', team);
      const bound = await networkNameOfTeam(tx, team);
      if (bound) return fail('konflikt', fieldProblem('teamId', t('input.teamTaken', { network: bound })), 'teamId');
    }
    if (await networkNamedInRegion(tx, region.slug, input.name)) {
      return fail('konflikt', fieldProblem('name', t('input.nameTaken', { name: input.name, region: region.name })), 'name');
    }
    const regionId = await upsertRegion(tx, region.slug, region.name);
    let slug = slugOf(input.name);
    for (let n = 2; await slugTaken(tx, slug); n++) slug = `${slugOf(input.name).slice(0, 50)}-${n}`;
    const bodies = bodyCodes.filter((b) => input.bodies.includes(b));
    const networkId = await insertNetwork(tx, { slug, name: input.name, regionId, reformCode: reform.code, bodies });
    await addNetworkMunicipalities(tx, networkId, municipalities.value);
    const person = await ensureMember(tx, {
      tenantId: creator.tenantId,
      aadObjectId: creator.aadObjectId.toLowerCase(),
      displayName: creator.displayName?.trim() || t('audit.unnamed'),
    });
    await setNetworkMember(tx, networkId, person.id, 'fasilitator', null);
    // Only a team Samlingspunkt is installed in: a tab request cannot claim a team the bot never saw.
    const teamBound = team !== undefined && (await botKnowsTeam(tx, team));
    if (team && teamBound) await setNetworkTeam(tx, networkId, team);
    await recordAudit(tx, {
      actorMemberId: person.id,
      actorName: person.displayName,
      regionId,
      networkId,
      action: 'nettverk.opprettet',
      target: input.name,
      details: { region: region.slug, reform: reform.code, arrangorer: bodies, kommuner: municipalities.value, team: teamBound ? team : null },
    });
    return ok({
      networkId,
      name: input.name,
      regionName: region.name,
      reformName: reform.name,
      municipalityCount: municipalities.value.length,
      teamBound,
      input,
    });
  });
}
