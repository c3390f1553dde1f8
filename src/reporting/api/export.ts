/**
 * The reporting export (issue 13): one XLSX per network (its facilitators, the region's
 * coordinator) or per region (its coordinators), for a chosen period.
 */
import { FileResponse, type ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { ok } from '../../shared/result.js';
import type { ReportAccessResponse } from '../contract.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { coordinatedRegion } from '../../region/api/region.js';
import { networksOfRegion } from '../../region/load.js';
import { reportPeriod } from '../input.js';
import { loadReport } from '../report.js';
import { reportFileName, reportXlsx } from '../workbook.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportingRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/report',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      return ok<ReportAccessResponse>({ canExport: policy.exportNetworkReport(ctx.actor, network.value).allowed });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/export.xlsx',
    async handle(ctx, { params, query }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.exportNetworkReport);
      if (!network.ok) return network;
      const period = reportPeriod(query);
      if (!period.ok) return period;
      const data = await loadReport(ctx.db, [network.value], period.value, ctx.now);
      const name = reportFileName(network.value.slug, period.value.fromDate, period.value.toDate);
      return ok(new FileResponse(XLSX_TYPE, name, await reportXlsx(data, ctx.now)));
    },
  },
  {
    method: 'get',
    path: '/api/regions/:regionId/export.xlsx',
    async handle(ctx, { params, query }) {
      const region = await coordinatedRegion(ctx, params.regionId);
      if (!region.ok) return region;
      const period = reportPeriod(query);
      if (!period.ok) return period;
      const data = await loadReport(ctx.db, await networksOfRegion(ctx.db, region.value.id), period.value, ctx.now);
      const name = reportFileName(region.value.slug, period.value.fromDate, period.value.toDate);
      return ok(new FileResponse(XLSX_TYPE, name, await reportXlsx(data, ctx.now)));
    },
  },
];
