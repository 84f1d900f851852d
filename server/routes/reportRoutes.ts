/**
 * GET /api/reports/kpi?from&to[&agent][&format]: the KPI report over every ticket of the period
 * (docs/kpi.md). The head and admin see anyone; an agent sees only their own figures.
 */
import type { FastifyInstance } from 'fastify';
import { kpiCsv } from '#shared/kpi/index.ts';
import { agentOf } from '../http/authenticate.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';
import { buildKpiReport, reportAgent } from '../reports/kpiReportService.ts';
import { kpiXlsx } from '../reports/kpiXlsx.ts';
import { checkFormat, checkPeriod, contentTypes, reportFileName } from '../reports/kpiRequest.ts';
import type { RouteContext } from './routeContext.ts';

interface KpiQuery {
  from?: unknown;
  to?: unknown;
  agent?: unknown;
  format?: unknown;
}

export function reportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/reports/kpi', { preHandler: ctx.authenticate }, async (request, reply) => {
    const q = request.query as KpiQuery;
    // The head's versioned settings: each ticket measured by those in force when it was created.
    const setup = await slaSetupOnServer(db);
    const period = checkPeriod(q.from, q.to, setup.calendar.timeZone);
    const format = checkFormat(q.format);
    const agent = await reportAgent(db, agentOf(request), q.agent);
    const report = await buildKpiReport(db, { ...period, agent, now: Date.now(), setup });
    if (format === 'json') return reply.type(contentTypes.json).send(report);
    const body = format === 'csv' ? '\uFEFF' + kpiCsv(report) : await kpiXlsx(report);
    return reply
      .type(contentTypes[format])
      .header('content-disposition', `attachment; filename="${reportFileName(period.from, period.to, format)}"`)
      .send(body);
  });
}
