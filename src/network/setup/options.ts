import type { Queryable } from '../../platform/db/port.js';
import { bodyLabel } from '../../shared/labels.js';
import { bodyCodes } from '../../shared/types.js';
import { listMunicipalities, listReforms, referenceCounties, referenceRegions } from '../../reference/sql/reference.js';
import type { SetupOptionsResponse } from './contract.js';

export type SetupOptions = Omit<SetupOptionsResponse, 'mayCreate' | 'refusal'>;

/** What the set-up form offers, in the reader's language (body names). */
export async function setupOptions(db: Queryable): Promise<SetupOptions> {
  const [reforms, municipalities] = await Promise.all([listReforms(db), listMunicipalities(db)]);
  return {
    regions: referenceRegions().map((r) => ({ slug: r.slug, name: r.name, office: r.office, countyNumbers: [...r.countyNumbers] })),
    reforms,
    bodies: bodyCodes.map((code) => ({ code, name: bodyLabel[code] })),
    counties: referenceCounties().map((c) => ({ number: c.number, name: shortCountyName(c.name) })),
    municipalities: municipalities.map((m) => ({ number: m.number, name: m.name, countyNumber: m.countyNumber.trim() })),
  };
}

/** «Nordland - Nordlánnda» → «Nordland»: the Norwegian name, as the form lists it. */
export function shortCountyName(name: string): string {
  return name.split(' - ')[0]!.trim();
}

/** Municipality names that occur twice (Herøy, Våler, Nes …) get their county, so a choice is never ambiguous. */
export function municipalityTitles(options: Pick<SetupOptions, 'counties' | 'municipalities'>): Map<string, string> {
  const count = new Map<string, number>();
  for (const m of options.municipalities) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  const county = new Map(options.counties.map((c) => [c.number, c.name]));
  return new Map(
    options.municipalities.map((m) => [m.number, (count.get(m.name) ?? 0) > 1 ? `${m.name} (${county.get(m.countyNumber) ?? m.countyNumber})` : m.name]),
  );
}
