/**
 * GET /api/reports/kpi on both backends: the report over every ticket of the period equals
 * shared/kpi over all the stored documents; who may see whose figures; bad input refused with 400.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, type KpiReport } from '#shared/kpi/index.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { mayEvents, mayTickets } from '../unit/shared/kpi/mayWorkspace.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { upsertDocuments } from '../../server/replication/collectionWriter.ts';
import { eventDoc, ticketDoc } from './support/documents.ts';

const may = '/api/reports/kpi?from=2026-05-01&to=2026-05-31';

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

  it('answers the head with the team report, equal to shared/kpi over every stored ticket and event', async () => {
    const res = await server.asHead.get<KpiReport>(may);
    expect(res.status).toBe(200);
    const tickets = (await server.asHead.pullAll<Ticket>('tickets')).documents;
    const events = (await server.asHead.pullAll<TicketEvent>('events')).documents;
    const expected = computeKpiReport({
      tickets,
      events,
      setup: defaultSlaSetup(),
      from: '2026-05-01',
      to: '2026-05-31',
      now: Date.now(),
    });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(expected)));
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
    const behind = wb.getWorksheet('Обращения')!;
    expect(behind.rowCount).toBeGreaterThan(20);
  });
});
