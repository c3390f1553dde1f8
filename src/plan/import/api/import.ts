import { authorizedNetwork } from '../../../network/api/access.js';
import { parse, type ApiRoute } from '../../../shared/api/context.js';
import { policy } from '../../../shared/policy.js';
import { ok } from '../../../shared/result.js';
import type { PlanImportPreviewResponse, PlanTemplatesResponse } from '../contract.js';
import { importPlan, previewImport, type ImportDeps } from '../import.js';
import { planImportSchema } from '../input.js';
import { t } from '../messages.js';
import { planTemplates } from '../templates.js';

/**
 * Starting a plan: the templates, a preview of what an import would create, and the import.
 * Facilitators only (the same rule as editing the plan item by item).
 */
export const planImportRoutes = (deps: ImportDeps): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/networks/:networkId/plan/templates',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.editNetwork);
      if (!network.ok) return network;
      return ok<PlanTemplatesResponse>({
        templates: planTemplates.map((template) => ({
          id: template.id,
          name: t(`template.${template.id}.name` as 'template.usht-viken-2020.name'),
          description: t(`template.${template.id}.description` as 'template.usht-viken-2020.description'),
          itemCount: template.items.length,
          firstDate: template.firstDate,
        })),
      });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/plan/import/preview',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.editNetwork);
      if (!network.ok) return network;
      const input = parse(planImportSchema, body, t('api.invalidImport'));
      if (!input.ok) return input;
      const preview = await previewImport(ctx.db, network.value, input.value, ctx.now, deps.calendar);
      return preview.ok ? ok<PlanImportPreviewResponse>(preview.value.response) : preview;
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/plan/import',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.editNetwork);
      if (!network.ok) return network;
      const input = parse(planImportSchema, body, t('api.invalidImport'));
      if (!input.ok) return input;
      return importPlan(ctx.db, network.value, ctx.actor, input.value, ctx.now, deps);
    },
  },
];
