import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFORM_FILES, catalogueSolutions, countyFileSchema, municipalityFileSchema, reformCatalogueSchema, regionFileSchema, type ReferenceRegion } from '../catalogue.js';
import { domainDataDir } from '../../platform/paths.js';
import type { Queryable } from '../../platform/db/port.js';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(domainDataDir, file), 'utf8'));
}

/** Municipalities and the reform catalogue are data shipped with the app; upserting keeps them current. */
export async function upsertReferenceData(db: Queryable): Promise<void> {
  const municipalities = municipalityFileSchema.parse(readJson('kommuner-2024.json'));
  await db.query(
    `INSERT INTO municipality (number, name, county_number, county_name)
     SELECT m.nummer, m.navn, m.fylkesnummer, m.fylkesnavn
       FROM jsonb_to_recordset($1::jsonb) AS m(nummer text, navn text, fylkesnummer text, fylkesnavn text)
     ON CONFLICT (number) DO UPDATE
       SET name = EXCLUDED.name, county_number = EXCLUDED.county_number, county_name = EXCLUDED.county_name
     WHERE (municipality.name, municipality.county_number, municipality.county_name)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.county_number, EXCLUDED.county_name)`,
    [JSON.stringify(municipalities)],
  );

  for (const file of REFORM_FILES) await upsertReform(db, file);
}

async function upsertReform(db: Queryable, file: string): Promise<void> {
  const catalogue = reformCatalogueSchema.parse(readJson(file));
  await db.query(
    `INSERT INTO reform (code, name) VALUES ($1, $2)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [catalogue.code, catalogue.name],
  );
  await db.query(
    `INSERT INTO focus_area (reform_code, code, name, position)
     SELECT $1, f.code, f.name, f.position
       FROM jsonb_to_recordset($2::jsonb) AS f(code text, name text, position smallint)
     ON CONFLICT (reform_code, code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position`,
    [catalogue.code, JSON.stringify(catalogue.focusAreas.map((f, i) => ({ code: f.code, name: f.name, position: i + 1 })))],
  );
  await db.query(
    `INSERT INTO solution (reform_code, focus_area_code, code, name, position)
     SELECT $1, s."focusAreaCode", s.code, s.name, s.position
       FROM jsonb_to_recordset($2::jsonb) AS s("focusAreaCode" text, code text, name text, position smallint)
     ON CONFLICT (reform_code, code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position`,
    [catalogue.code, JSON.stringify(catalogueSolutions(catalogue))],
  );
}

/** The Statsforvalter offices a network can belong to, each with its counties (data file, read once). */
let regionsCache: ReferenceRegion[] | undefined;
export function referenceRegions(): ReferenceRegion[] {
  regionsCache ??= regionFileSchema.parse(readJson('regioner-statsforvalter.json'));
  return regionsCache;
}

let countiesCache: { number: string; name: string }[] | undefined;
export function referenceCounties(): { number: string; name: string }[] {
  countiesCache ??= countyFileSchema.parse(readJson('fylker-2024.json')).map((c) => ({ number: c.nummer, name: c.navn }));
  return countiesCache;
}

export interface CatalogueRow {
  focusAreaCode: string;
  focusAreaName: string;
  /** Null for a focus area without solutions (Bo trygt hjemme has none). */
  solutionCode: string | null;
  solutionName: string | null;
}

export async function reformCatalogue(db: Queryable, reformCode: string): Promise<CatalogueRow[]> {
  const { rows } = await db.query<CatalogueRow>(
    `SELECT f.code AS "focusAreaCode", f.name AS "focusAreaName", s.code AS "solutionCode", s.name AS "solutionName"
       FROM focus_area f LEFT JOIN solution s ON s.reform_code = f.reform_code AND s.focus_area_code = f.code
      WHERE f.reform_code = $1
      ORDER BY f.position, s.position NULLS FIRST`,
    [reformCode],
  );
  return rows;
}

export async function countMunicipalities(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM municipality');
  return rows[0]?.n ?? 0;
}

export interface ReformRow {
  code: string;
  name: string;
}

export async function listReforms(db: Queryable): Promise<ReformRow[]> {
  const { rows } = await db.query<ReformRow>('SELECT code, name FROM reform ORDER BY name');
  return rows;
}

export interface MunicipalityRow {
  number: string;
  name: string;
  countyNumber: string;
}

export async function listMunicipalities(db: Queryable): Promise<MunicipalityRow[]> {
  const { rows } = await db.query<MunicipalityRow>(
    `SELECT number, name, county_number AS "countyNumber" FROM municipality ORDER BY name`,
  );
  return rows;
}
