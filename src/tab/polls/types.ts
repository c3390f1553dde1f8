// Mirrors the JSON of /api/networks/:id/polls (src/api/polls.ts).

export type PollKind = 'enkeltvalg' | 'flervalg' | 'skala' | 'fritekst';
export type PollStatus = 'planlagt' | 'apen' | 'lukket';
/** What an anonymous poll stores with each answer; named polls always 'both'. */
export type PollBreakdown = 'none' | 'municipality' | 'sector' | 'both';

export interface Poll {
  id: string;
  kind: PollKind;
  question: string;
  options: string[];
  maxChoices: number | null;
  scale: { max: 5 | 10; minLabel: string; maxLabel: string } | null;
  anonymous: boolean;
  breakdown: PollBreakdown;
  status: PollStatus;
  opensAt: string;
  closesAt: string | null;
  closedAt: string | null;
  planItemId: string | null;
  repeatOf: string | null;
  createdAt: string;
  respondents?: number;
  repeatedBy?: string | null;
}

export interface Channel {
  conversationId: string;
  name: string | null;
  isGeneral: boolean;
}

export interface PollListResponse {
  timeZone: string;
  canManage: boolean;
  canExport: boolean;
  channels: Channel[];
  polls: Poll[];
}

export interface OptionResult {
  index: number;
  label: string;
  count: number;
  share: number;
}

export interface Distribution {
  respondents: number;
  options: OptionResult[];
  mean: number | null;
  words: { word: string; count: number }[];
}

export interface GroupResult {
  key: string;
  label: string;
  respondents: number;
  distribution: Distribution;
}

export interface Breakdown {
  groups: GroupResult[];
  others: GroupResult | null;
  hiddenRespondents: number;
}

export interface Results {
  respondents: number;
  visible: boolean;
  overall: Distribution | null;
  byMunicipality: Breakdown;
  bySector: Breakdown;
}

export interface OptionShift {
  label: string;
  before: number | null;
  after: number | null;
  deltaPoints: number | null;
}

export interface Shift {
  before: Distribution | null;
  after: Distribution | null;
  options: OptionShift[];
  meanDelta: number | null;
}

export interface PollResultsResponse {
  timeZone: string;
  canManage: boolean;
  canExport: boolean;
  poll: Poll;
  results: Results;
  pair: { before: Poll; after: Poll; comparison: { overall: Shift; byMunicipality: { key: string; label: string; shift: Shift }[] } } | null;
}

export interface NewPoll {
  question: string;
  kind: PollKind;
  options: string[];
  maxChoices: number | null;
  scaleMax: 5 | 10 | null;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
  anonymous: boolean;
  breakdown: PollBreakdown;
  planItemId: string | null;
  opensAt: string | null;
  closesAt: string | null;
  sendToAll: boolean;
  postTo: string[];
}
