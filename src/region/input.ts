/**
 * The overview's query (?network=&county=&phase=), checked at the edge. Each value is optional;
 * an unknown network or county is refused by the route (it knows the region's), a malformed
 * one here.
 */
import { z } from '../shared/validation.js';
import { invalid, ok, type Result } from '../shared/result.js';
import type { OverviewFilters, Phase } from './domain/overview.js';
import { t } from './messages.js';

const oneValue = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const networkSchema = z.union([z.literal(''), z.uuid()]);
const countySchema = z.string().regex(/^([0-9]{2})?$/);
const phaseSchema = z.enum(['', '1', '2', '3', '4', 'ingen']);
export const municipalityNumberSchema = z.string().regex(/^[0-9]{4}$/, { error: () => t('api.badMunicipality') });

export function overviewFilters(query: Record<string, unknown>): Result<OverviewFilters> {
  const network = networkSchema.safeParse(oneValue(query.network));
  if (!network.success) return invalid(t('api.badNetwork'), 'network');
  const county = countySchema.safeParse(oneValue(query.county));
  if (!county.success) return invalid(t('api.badCounty'), 'county');
  const phase = phaseSchema.safeParse(oneValue(query.phase));
  if (!phase.success) return invalid(t('api.badPhase'), 'phase');
  return ok({
    network: network.data || null,
    county: county.data || null,
    phase: phase.data === '' ? null : phase.data === 'ingen' ? 'ingen' : (Number(phase.data) as Phase),
  });
}
