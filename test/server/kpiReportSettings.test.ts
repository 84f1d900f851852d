/**
 * GET /api/reports/kpi measures each ticket by the head's SLA settings as stored (the versioned
 * `sla-policies` config document), the version in force when the ticket was created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '#shared/kpi/index.ts';
import { defaultSlaPolicies } from '#shared/sla/index.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { msk, story } from '../unit/shared/kpi/kpiFixtures.ts';
import { upsertDocuments } from '../../server/replication/collectionWriter.ts';
import { configDoc, ticketDoc } from './support/documents.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const defaults = defaultSlaPolicies();
// From Wed 13 May 2026 12:00 standard tickets are due in 8 working hours (24 before).
const tightened = {
  ...defaults,
  standard: {
    ...defaults.standard,
    resolution: { ...defaults.standard.resolution, target: { minutes: 480, clock: 'business' } },
  },
};

describe.each(backends)('KPI report with the head’s SLA settings on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    // A: created before the change, 840 working minutes; B: created after it, 660 (kpiSettingsVersions.test.ts).
    const tickets = [
      story({ id: 'A', created: '2026-05-12 10:00', moves: [['resolved', '2026-05-13 15:00']] }),
      story({ id: 'B', created: '2026-05-13 13:00', moves: [['resolved', '2026-05-14 15:00']] }),
    ];
    await server.database.db.transaction().execute(async (trx) => {
      await upsertDocuments(
        trx,
        'tickets',
        tickets.map((t, i) => ({
          ...ticketDoc({ ...t, number: null, assigneeId: server.agent.id } as Partial<Ticket>),
          updatedAt: i + 1,
        })),
      );
      const from = msk('2026-05-13 12:00');
      await upsertDocuments(trx, 'config', [
        {
          ...configDoc({
            id: 'sla-policies',
            value: { versions: [{ id: 'v1', from, editedBy: server.head.id, value: tightened }] },
            editedAt: from,
            editedBy: server.head.id,
          }),
          updatedAt: 3,
        },
      ]);
    });
  });
  afterAll(() => server.close());

  it('keeps the ticket created before the change on its old deadline and holds the later one to the new', async () => {
    const res = await server.asHead.get<KpiReport>('/api/reports/kpi?from=2026-05-01&to=2026-05-31');
    expect(res.status).toBe(200);
    expect(res.body.sla.standard).toEqual({ total: 2, met: 1, rate: 0.5 });
    const met = await server.asHead.get<{ tickets: { id: string }[] }>(
      `/api/reports/kpi/tickets?from=2026-05-01&to=2026-05-31&figure=sla.standard.met&asOf=${res.body.asOf}`,
    );
    expect(met.body.tickets.map((t) => t.id)).toEqual(['A']);
    expect(res.body.breached).toEqual([
      { ticketId: 'B', priority: 'standard', reasons: ['late_resolution'], breachedAt: msk('2026-05-14 12:00') },
    ]);
  });
});
