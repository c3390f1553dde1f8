import { recordAudit } from '../../shared/sql/audit.js';
import { replaceFocus, setPhase, standingOfNetwork } from '../sql/focus.js';
import { networkMunicipalities } from '../../network/sql/members.js';
import { reformCatalogue } from '../../reference/sql/reference.js';
import { catalogueChoices, parseChoices, phaseLabel, phases, type Phase } from '../domain/focus.js';
import { policy } from '../../shared/policy.js';
import { osloDate } from '../../shared/time.js';
import type { Network } from '../../shared/types.js';
import { focusSchema, phaseSchema } from '../input.js';
import type { FocusResponse, PhaseResponse, StandingResponse } from '../contract.js';
import { parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { t } from '../messages.js';

async function municipalityInNetwork(ctx: ApiContext, network: Network, raw: string | undefined): Promise<Result<{ number: string; name: string }>> {
  const found = (await networkMunicipalities(ctx.db, network.id)).find((m) => m.number === raw);
  return found ? ok(found) : fail('finnes-ikke', t('api.municipalityNotInNetwork'));
}

export const focusRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/municipalities',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const [standings, catalogue] = await Promise.all([
        standingOfNetwork(ctx.db, network.value.id),
        reformCatalogue(ctx.db, network.value.reformCode),
      ]);
      return ok<StandingResponse>({
        canSetPhase: policy.setPhase(ctx.actor, network.value).allowed,
        phases: phases.map((p) => ({ phase: p, label: phaseLabel[p] })),
        catalogue: catalogueChoices(catalogue),
        municipalities: standings.map((s) => ({
          ...s,
          phaseSetAt: s.phaseSetAt?.toISOString() ?? null,
          canChooseFocus: policy.updateMunicipalityWork(ctx.actor, network.value, s.number).allowed,
        })),
      });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/municipalities/:number/phase',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.setPhase);
      if (!network.ok) return network;
      const municipality = await municipalityInNetwork(ctx, network.value, params.number);
      if (!municipality.ok) return municipality;
      const input = parse(phaseSchema, body, t('api.invalidPhase'));
      if (!input.ok) return input;
      const phase = input.value.phase as Phase | null;
      await ctx.db.transaction(async (tx) => {
        await setPhase(tx, network.value.id, municipality.value.number, phase, ctx.now);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'fase.satt',
          target: municipality.value.name,
          details: { fase: phase },
        });
      });
      return ok<PhaseResponse>({ number: municipality.value.number, phase });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/municipalities/:number/focus',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const municipality = await municipalityInNetwork(ctx, network.value, params.number);
      if (!municipality.ok) return municipality;
      const allowed = policy.updateMunicipalityWork(ctx.actor, network.value, municipality.value.number);
      if (!allowed.allowed) return fail('ingen-tilgang', allowed.message);
      const input = parse(focusSchema, body, t('api.invalidFocus'));
      if (!input.ok) return input;
      const picks = parseChoices(input.value.choices, await reformCatalogue(ctx.db, network.value.reformCode));
      if (!picks.ok) return picks;
      await ctx.db.transaction((tx) =>
        replaceFocus(tx, {
          networkId: network.value.id,
          municipalityNumber: municipality.value.number,
          reformCode: network.value.reformCode,
          choices: picks.value,
          chosenOn: osloDate(ctx.now),
          taskId: null,
          memberId: ctx.actor.memberId,
        }),
      );
      const standing = (await standingOfNetwork(ctx.db, network.value.id)).find((s) => s.number === municipality.value.number)!;
      return ok<FocusResponse>({ municipality: { ...standing, phaseSetAt: standing.phaseSetAt?.toISOString() ?? null } });
    },
  },
];
