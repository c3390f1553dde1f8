import type { Queryable } from '../../platform/db/port.js';

export interface MunicipalityOption {
  number: string;
  name: string;
  countyName: string;
}

/** The 357 municipalities, for the admin view's picker. */
export async function allMunicipalities(db: Queryable): Promise<MunicipalityOption[]> {
  const { rows } = await db.query<MunicipalityOption>(
    `SELECT number, name, county_name AS "countyName" FROM municipality ORDER BY name, number`,
  );
  return rows;
}

/** The numbers among `numbers` that name a municipality. */
export async function knownMunicipalityNumbers(db: Queryable, numbers: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ number: string }>(`SELECT number FROM municipality WHERE number = ANY($1::text[])`, [numbers]);
  return new Set(rows.map((r) => r.number));
}

export interface NetworkMunicipalityUse {
  number: string;
  name: string;
  countyName: string;
  /** Deltakere who belong to it here. */
  participants: number;
  /**
   * The municipality's own work here: mellomarbeid it has started or delivered, and focus areas
   * it has chosen. Untouched («ikke startet») mellomarbeid is not its work yet and goes with it.
   */
  workRows: number;
}

/** The network's municipalities with what still belongs to each (what blocks removing one). */
export async function networkMunicipalityUse(db: Queryable, networkId: string): Promise<NetworkMunicipalityUse[]> {
  const { rows } = await db.query<NetworkMunicipalityUse>(
    `SELECT mu.number, mu.name, mu.county_name AS "countyName",
            (SELECT count(*)::int FROM network_member m
              WHERE m.network_id = nm.network_id AND m.municipality_number = nm.municipality_number) AS participants,
            (SELECT count(*)::int FROM mellomarbeid_status s
              WHERE s.network_id = nm.network_id AND s.municipality_number = nm.municipality_number
                AND s.status <> 'ikke-startet')
          + (SELECT count(*)::int FROM municipality_focus f
              WHERE f.network_id = nm.network_id AND f.municipality_number = nm.municipality_number) AS "workRows"
       FROM network_municipality nm JOIN municipality mu ON mu.number = nm.municipality_number
      WHERE nm.network_id = $1
      ORDER BY mu.name`,
    [networkId],
  );
  return rows;
}

/** Adds municipalities; returns the numbers that were new to the network. */
export async function insertNetworkMunicipalities(db: Queryable, networkId: string, numbers: string[]): Promise<string[]> {
  const { rows } = await db.query<{ number: string }>(
    `INSERT INTO network_municipality (network_id, municipality_number)
     SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING
     RETURNING municipality_number AS number`,
    [networkId, numbers],
  );
  return rows.map((r) => r.number);
}

export async function deleteNetworkMunicipality(db: Queryable, networkId: string, number: string): Promise<boolean> {
  const res = await db.query(`DELETE FROM network_municipality WHERE network_id = $1 AND municipality_number = $2`, [networkId, number]);
  return res.rowCount > 0;
}

/** Locks the network's row, so two removals or a removal and a new deltaker take turns. */
export async function lockNetwork(db: Queryable, networkId: string): Promise<void> {
  await db.query(`SELECT 1 FROM network WHERE id = $1 FOR UPDATE`, [networkId]);
}
