import { z } from 'zod';
import type { Database } from '../db/port.js';
import { findNetworkById, listNetworks } from '../db/sql/networks.js';
import { planForNetwork } from '../db/sql/plan.js';
import { OSLO } from '../domain/time.js';
import type { Caller } from './caller.js';
import { fail, ok, type Result } from './errors.js';

export interface NetworkSummaryDto {
  id: string;
  slug: string;
  name: string;
  regionName: string;
}

export interface PlanDto {
  network: NetworkSummaryDto & { bodies: string[] };
  timeZone: string;
  items: {
    id: string;
    kind: string;
    title: string;
    agenda: string | null;
    startsAt: string;
    endsAt: string;
    format: string;
    responsibleBody: string | null;
    meetingUrl: string | null;
  }[];
}

const networkIdSchema = z.uuid({ error: 'Nettverks-id må være en UUID.' });

export async function getNetworks(db: Database, _caller: Caller): Promise<Result<{ networks: NetworkSummaryDto[] }>> {
  const networks = await listNetworks(db);
  return ok({ networks: networks.map(({ id, slug, name, regionName }) => ({ id, slug, name, regionName })) });
}

export async function getPlan(db: Database, _caller: Caller, rawNetworkId: unknown): Promise<Result<PlanDto>> {
  const id = networkIdSchema.safeParse(rawNetworkId);
  if (!id.success) return fail('ugyldig-forespørsel', 'Ugyldig nettverks-id: den må være en UUID.');
  const network = await findNetworkById(db, id.data);
  if (!network) return fail('finnes-ikke', 'Fant ikke læringsnettverket.');
  const items = await planForNetwork(db, network.id);
  return ok({
    network: {
      id: network.id,
      slug: network.slug,
      name: network.name,
      regionName: network.regionName,
      bodies: network.bodies,
    },
    timeZone: OSLO,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      agenda: i.agenda,
      startsAt: i.startsAt.toISOString(),
      endsAt: i.endsAt.toISOString(),
      format: i.format,
      responsibleBody: i.responsibleBody,
      meetingUrl: i.meetingUrl,
    })),
  });
}
