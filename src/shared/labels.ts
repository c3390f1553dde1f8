import type { BodyCode, PlanItemFormat, PlanItemKind, Sector } from './types.js';

// UI words in bokmål; the bot speaks Norwegian first. The tab has its own i18n files.
export const kindLabel: Record<PlanItemKind, string> = {
  samling: 'Samling',
  veiledning: 'Veiledning',
  mellomarbeid: 'Mellomarbeid',
  dialogmote: 'Dialogmøte',
  webinar: 'Webinar',
};

export const formatLabel: Record<PlanItemFormat, string> = {
  digital: 'Digitalt i Teams',
  fysisk: 'Fysisk',
  hybrid: 'Hybrid',
  telefon: 'Telefon/Teams',
};

export const bodyLabel: Record<BodyCode, string> = {
  SF: 'Statsforvalteren',
  KS: 'KS',
  USHT: 'USHT',
};

export const sectorLabel: Record<Sector, string> = {
  'helse-og-omsorg': 'Helse og omsorg',
  plan: 'Plan',
  kultur: 'Kultur',
  teknisk: 'Teknisk',
  folkehelse: 'Folkehelse',
  frivillighet: 'Frivillighet',
  eldrerad: 'Eldreråd',
  annet: 'Annet',
};
