/**
 * GET /api/reports/kpi?from&to[&agent][&format]: the KPI report over every ticket of the period
 * (docs/kpi.md); the JSON carries the numbers, the CSV and XLSX the team's tickets behind them too.
 * GET /api/reports/kpi/tickets?from&to[&agent]&figure[&asOf][&offset][&limit]: a page of the
 * tickets behind one number. The head and admin see anyone; an agent sees only their own figures.
 */
import type { FastifyInstance } from 'fastify';
import { kpiCsv } from '#shared/kpi/index.ts';
import { agentOf } from '../http/authenticate.ts';
import { buildKpiReport, reportAgent } from '../reports/kpiReportService.ts';
import { checkTicketPage, RecentReports, ticketPage } from '../reports/kpiTicketList.ts';
import { kpiXlsx } from '../reports/kpiXlsx.ts';
import { contentTypes, kpiRequestOnServer, reportFileName } from '../reports/kpiRequest.ts';
import type { RouteContext } from './routeContext.ts';

interface KpiQuery {
  from?: unknown;
  to?: unknown;
  agent?: unknown;
  format?: unknown;
}

interface KpiTicketsQuery extends KpiQuery {
  figure?: unknown;
  asOf?: unknown;
  offset?: unknown;
  limit?: unknown;
}

export function reportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const recent = new RecentReports();

  app.get('/api/reports/kpi', { preHandler: ctx.authenticate }, async (request, reply) => {
    const q = request.query as KpiQuery;
    const { setup, period, format } = await kpiRequestOnServer(db, q);
    const agent = await reportAgent(db, agentOf(request), q.agent);
    // The JSON names only the breached tickets: the lists behind the numbers come per figure.
    const lists = format === 'json' ? 'none' : 'team';
    const report = await buildKpiReport(db, { ...period, agent, now: Date.now(), setup, lists });
    if (format === 'json') return reply.type(contentTypes.json).send(report);
    const body = format === 'csv' ? '\uFEFF' + kpiCsv(report) : await kpiXlsx(report);
    return reply
      .type(contentTypes[format])
      .header('content-disposition', `attachment; filename="${reportFileName(period.from, period.to, format)}"`)
      .send(body);
  });

  app.get('/api/reports/kpi/tickets', { preHandler: ctx.authenticate }, async (request) => {
    const q = request.query as KpiTicketsQuery;
    const { setup, period } = await kpiRequestOnServer(db, { from: q.from, to: q.to });
    const agent = await reportAgent(db, agentOf(request), q.agent);
    const page = checkTicketPage(q);
    // Never later than now: a report's instant is in the past.
    const now = Math.min(page.asOf ?? Date.now(), Date.now());
    const build = () => buildKpiReport(db, { ...period, agent, now, setup, lists: 'all' });
    const report =
      page.asOf === null ? await build() : await recent.get(`${period.from}|${period.to}|${agent ?? ''}|${now}`, build);
    return ticketPage(report, page);
  });
}
