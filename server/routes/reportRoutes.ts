/**
 * GET /api/reports/kpi?from&to[&agent][&format]: the KPI report over every ticket of the period
 * (docs/kpi.md). The head and admin see anyone; an agent sees only their own figures.
 */
import type { FastifyInstance } from 'fastify';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { kpiCsv } from '#shared/kpi/index.ts';
import { agentOf } from '../http/authenticate.ts';
import { HttpError, badRequest } from '../http/httpError.ts';
import { buildKpiReport, findAccount } from '../reports/kpiReportService.ts';
import { kpiXlsx } from '../reports/kpiXlsx.ts';
import { KpiRequestError, checkFormat, checkPeriod, contentTypes, reportFileName } from '../reports/kpiRequest.ts';
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
    const me = agentOf(request);
    const q = request.query as KpiQuery;
    const setup = defaultSlaSetup();
    let period: { from: string; to: string };
    let format: ReturnType<typeof checkFormat>;
    try {
      period = checkPeriod(q.from, q.to, setup.calendar.timeZone);
      format = checkFormat(q.format);
    } catch (error) {
      if (error instanceof KpiRequestError) throw badRequest(error.code, error.message);
      throw error;
    }
    const asked = typeof q.agent === 'string' && q.agent !== '' ? q.agent : null;
    const seesEveryone = me.role === 'head' || me.role === 'admin';
    // An agent's report is always their own; asking for someone else's is forbidden, not ignored.
    if (!seesEveryone && asked !== null && asked !== me.id) {
      throw new HttpError(
        403,
        'forbidden',
        'Агент видит только свои показатели; отчёт по команде и другим агентам доступен руководителю.',
      );
    }
    const agent = seesEveryone ? asked : me.id;
    if (agent !== null && agent !== me.id && (await findAccount(db, { id: agent })) === null) {
      throw badRequest('unknown_agent', `Агент с идентификатором «${agent}» не найден.`);
    }
    const report = await buildKpiReport(db, { ...period, agent, now: Date.now(), setup });
    if (format === 'json') return reply.type(contentTypes.json).send(report);
    const body = format === 'csv' ? '\uFEFF' + kpiCsv(report) : await kpiXlsx(report);
    return reply
      .type(contentTypes[format])
      .header('content-disposition', `attachment; filename="${reportFileName(period.from, period.to, format)}"`)
      .send(body);
  });
}
