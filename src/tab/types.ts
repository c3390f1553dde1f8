// Mirrors the JSON contract of /api/networks and /api/networks/:id/plan.

export type Body = 'SF' | 'KS' | 'USHT';
export type PlanItemKind = 'samling' | 'veiledning' | 'mellomarbeid' | 'dialogmote' | 'webinar';
export type PlanItemFormat = 'digital' | 'fysisk' | 'hybrid' | 'telefon';

export interface NetworkSummary {
  id: string;
  slug: string;
  name: string;
  regionName: string;
}

export interface NetworksResponse {
  networks: NetworkSummary[];
}

export interface PlanItem {
  id: string;
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  startsAt: string;
  endsAt: string;
  format: PlanItemFormat;
  responsibleBody: Body | null;
  meetingUrl: string | null;
}

export interface PlanResponse {
  network: NetworkSummary & { bodies: Body[] };
  timeZone: string;
  items: PlanItem[];
}
