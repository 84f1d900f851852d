/**
 * GET /api/reports/kpi on both backends: the report over every ticket of the period equals
 * shared/kpi over all the stored documents; who may see whose figures; bad input refused with 400.
 * GET /api/reports/kpi/tickets: the tickets behind one number, a page at a time, under the same rules.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, kpiTicketRows, type KpiReport, type KpiTicketInfo } from '#shared/kpi/index.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { mayEvents, mayTickets } from '../unit/shared/kpi/mayWorkspace.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { upsertDocuments } from '../../server/replication/collectionWriter.ts';
import { eventDoc, ticketDoc } from './support/documents.ts';

const may = '/api/reports/kpi?from=2026-05-01&to=2026-05-31';
const mayTicketsOf = (figure: string, more = '') =>
  `/api/reports/kpi/tickets?from=2026-05-01&to=2026-05-31&figure=${figure}${more}`;

interface TicketPage {
  figure: string;
  asOf: number;
  total: number;
  offset: number;
  tickets: KpiTicketInfo[];
}

describe.each(backends)('KPI report endpoint on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    // The hand-built May workspace (test/unit/shared/kpi/mayWorkspace.ts): ag1 is the agent, ag2 the head.
    const who = (id: unknown) => (id === 'ag1' ? server.agent.id : id === 'ag2' ? server.head.id : id);
    // Stored as history, not pushed: the fixture holds decisions made by several people over a
    // month, which no single desk may push in its own name (docs/authorization.md).
    await server.database.db.transaction().execute(async (trx) => {
      await upsertDocuments(
        trx,
        'tickets',
        mayTickets.map((t, i) => ({
          ...ticketDoc({ ...t, number: null, assigneeId: String(who(t.assigneeId)) } as Partial<Ticket>),
          updatedAt: i + 1,
        })),
      );
      await upsertDocuments(
        trx,
        'events',
        mayEvents.map((e, i) =>
          eventDoc({
            ticketId: e.ticketId,
            kind: e.kind,
            at: e.at,
            data: e.kind === 'assigned' ? { from: String(who(e.data.from)), to: String(who(e.data.to)) } : e.data,
            updatedAt: i + 1,
          }),
        ),
      );
    });
  });
  afterAll(() => server.close());

  /** shared/kpi over every stored ticket and event, as JSON would carry it. */
  async function expectedReport(now: number, lists: 'all' | 'team' | 'none', agent: string | null = null): Promise<KpiReport> {
    const tickets = (await server.asHead.pullAll<Ticket>('tickets')).documents;
    const events = (await server.asHead.pullAll<TicketEvent>('events')).documents;
    const report = computeKpiReport({
      tickets,
      events,
      setup: defaultSlaSetup(),
      from: '2026-05-01',
      to: '2026-05-31',
      now,
      agent,
      lists,
    });
    return JSON.parse(JSON.stringify(report)) as KpiReport;
  }

  it('answers the head with the team report, equal to shared/kpi over every stored ticket and event', async () => {
    const res = await server.asHead.get<KpiReport>(may);
    expect(res.status).toBe(200);
    // The JSON carries the numbers and the breached tickets; the lists behind the numbers come per figure.
    expect(res.body).toEqual(await expectedReport(Date.now(), 'none'));
    expect(res.body.listScope).toBe('none');
    expect(res.body.lists).toEqual({});
    expect(Object.keys(res.body.tickets).sort()).toEqual(res.body.breached.map((b) => b.ticketId).sort());
    // The figures worked out in test/unit/shared/kpi/kpiReport.test.ts.
    expect(res.body.sla).toEqual({
      emergency: { total: 2, met: 1, rate: 0.5 },
      standard: { total: 5, met: 4, rate: 0.8 },
      consultation: { total: 2, met: 1, rate: 0.5 },
    });
    expect(res.body.repeats).toMatchObject({ count: 1, previousQuarter: 2 });
    expect(res.body.volume.total).toBe(9);
  });

  it('gives an agent their own figures, with or without naming themselves', async () => {
    const own = await server.asAgent.get<KpiReport>(`${may}&agent=${server.agent.id}`);
    const implicit = await server.asAgent.get<KpiReport>(may);
    expect(own.status).toBe(200);
    expect(own.body.agent).toBe(server.agent.id);
    expect(implicit.body.agent).toBe(server.agent.id);
    // ag1 had A B C D E F R3 in May (D moved to the head only in June): 9 - H - I = 7 created.
    expect(own.body.volume.total).toBe(7);
    expect(implicit.body.sla).toEqual(own.body.sla);
  });

  it('refuses an agent asking for someone else with 403', async () => {
    const res = await server.asAgent.get<{ error: { code: string } }>(`${may}&agent=${server.head.id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('lets the head ask for one agent', async () => {
    const res = await server.asHead.get<KpiReport>(`${may}&agent=${server.head.id}`);
    expect(res.status).toBe(200);
    expect(res.body.sla.standard).toEqual({ total: 1, met: 0, rate: 0 });
  });

  it.each([
    ['from after to', '?from=2026-06-01&to=2026-05-01', 'from_after_to'],
    ['a period of 10 years', '?from=2016-01-01&to=2025-12-31', 'period_too_long'],
    ['a malformed date', '?from=2026-13-01&to=2026-12-31', 'malformed_date'],
    ['a missing date', '?from=2026-05-01', 'malformed_date'],
    ['an unknown format', '?from=2026-05-01&to=2026-05-31&format=pdf', 'invalid_format'],
  ])('answers %s with 400 and the reason', async (_what, query, code) => {
    const res = await server.asHead.get<{ error: { code: string; message: string } }>(`/api/reports/kpi${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  it('answers an unknown agent with 400', async () => {
    const res = await server.asHead.get<{ error: { code: string } }>(`${may}&agent=nobody`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_agent');
  });

  it('wants a signed-in user', async () => {
    expect((await server.anonymous.get(may)).status).toBe(401);
  });

  it('lists the tickets behind a number at the report’s instant, a page at a time', async () => {
    const report = (await server.asHead.get<KpiReport>(may)).body;
    const full = await expectedReport(report.asOf, 'all');
    // sla.standard.total: A C D E H in creation order (test/unit/shared/kpi/kpiReport.test.ts).
    const all = await server.asHead.get<TicketPage>(mayTicketsOf('sla.standard.total', `&asOf=${report.asOf}`));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(report.sla.standard.total);
    expect(all.body.asOf).toBe(report.asOf);
    expect(all.body.tickets).toEqual(full.lists['sla.standard.total']!.map((id) => full.tickets[id]));
    const second = await server.asHead.get<TicketPage>(
      mayTicketsOf('sla.standard.total', `&asOf=${report.asOf}&offset=2&limit=2`),
    );
    expect(second.body).toMatchObject({ total: 5, offset: 2 });
    expect(second.body.tickets.map((t) => t.id)).toEqual(full.lists['sla.standard.total']!.slice(2, 4));
    // A split's list too, and one of a channel without tickets is empty.
    const phone = await server.asHead.get<TicketPage>(mayTicketsOf('byChannel.phone.sla.total', `&asOf=${report.asOf}`));
    expect(phone.body.tickets.map((t) => t.id)).toEqual(full.lists['byChannel.phone.sla.total']);
    const walkIn = await server.asHead.get<TicketPage>(mayTicketsOf('byChannel.walk_in.sla.total'));
    expect(walkIn.body).toMatchObject({ total: 0, tickets: [] });
  });

  it('lists an agent’s own tickets behind a number, and refuses them a colleague’s with 403', async () => {
    const own = await server.asAgent.get<TicketPage>(mayTicketsOf('volume.total'));
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(7);
    expect(new Set(own.body.tickets.map((t) => t.agentId))).toEqual(new Set([server.agent.id]));
    const colleague = await server.asAgent.get<{ error: { code: string } }>(
      mayTicketsOf('volume.total', `&agent=${server.head.id}`),
    );
    expect(colleague.status).toBe(403);
    expect(colleague.body.error.code).toBe('forbidden');
    expect((await server.anonymous.get(mayTicketsOf('volume.total'))).status).toBe(401);
  });

  it.each([
    ['an unknown figure', mayTicketsOf('sla.urgent.total'), 'unknown_figure'],
    ['no figure', '/api/reports/kpi/tickets?from=2026-05-01&to=2026-05-31', 'unknown_figure'],
    ['a page over 500', mayTicketsOf('volume.total', '&limit=501'), 'invalid_page'],
    ['a negative offset', mayTicketsOf('volume.total', '&offset=-1'), 'invalid_page'],
    ['a malformed instant', mayTicketsOf('volume.total', '&asOf=yesterday'), 'invalid_as_of'],
    ['from after to', '/api/reports/kpi/tickets?from=2026-06-01&to=2026-05-01&figure=volume.total', 'from_after_to'],
  ])('answers a list request with %s with 400 and the reason', async (_what, url, code) => {
    const res = await server.asHead.get<{ error: { code: string; message: string } }>(url);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  it('exports CSV and XLSX with the percentages formatted and the tickets behind the numbers', async () => {
    const csv = await server.asHead.get(`${may}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text).toContain('sla.standard,team,0.8,5,4,missed');

    const res = await fetch(`${server.url}${may}&format=xlsx`, { headers: server.asHead.headers() });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const figures = wb.getWorksheet('Показатели')!;
    const standard = figures.getRows(1, figures.rowCount)!.find((r) => r.getCell(1).value === 'sla.standard')!;
    expect(standard.getCell(3).value).toBe(0.8);
    expect(standard.getCell(3).numFmt).toBe('0.0%');
    // Every (figure, ticket) of the team's lists, under its header.
    const behind = wb.getWorksheet('Обращения')!;
    const rows = kpiTicketRows(await expectedReport(Date.now(), 'team'));
    expect(rows.length).toBeGreaterThan(20);
    expect(behind.rowCount).toBe(1 + rows.length);
    expect(csv.text).toContain(`sla.standard.breached,H,`);
  });
});
