export const bodyCodes = ['SF', 'KS', 'USHT'] as const;
export type BodyCode = (typeof bodyCodes)[number];

export const planItemKinds = ['samling', 'veiledning', 'mellomarbeid', 'dialogmote', 'webinar'] as const;
export type PlanItemKind = (typeof planItemKinds)[number];

export const planItemFormats = ['digital', 'fysisk', 'hybrid', 'telefon'] as const;
export type PlanItemFormat = (typeof planItemFormats)[number];

export const networkRoles = ['deltaker', 'fasilitator'] as const;
export type NetworkRole = (typeof networkRoles)[number];
export type Role = NetworkRole | 'koordinator';

export const sectors = [
  'helse-og-omsorg',
  'plan',
  'kultur',
  'teknisk',
  'folkehelse',
  'frivillighet',
  'eldrerad',
  'annet',
] as const;
export type Sector = (typeof sectors)[number];

export interface Region {
  id: string;
  slug: string;
  name: string;
}

export interface Network {
  id: string;
  slug: string;
  name: string;
  regionId: string;
  regionName: string;
  reformCode: string;
  bodies: BodyCode[];
  teamsTeamId: string | null;
  /**
   * When the programme ended (a facilitator archived it): from then on read-only, kept until
   * retention. The loaders in src/network/sql/networks.ts always set it; optional only so
   * hand-made fixtures need not.
   */
  endedAt?: Date | null;
}

export interface Municipality {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
}

export interface Member {
  id: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  sector: Sector;
}

export interface PlanItem {
  id: string;
  networkId: string;
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  startsAt: Date;
  endsAt: Date;
  format: PlanItemFormat;
  responsibleBody: BodyCode | null;
  meetingUrl: string | null;
}
