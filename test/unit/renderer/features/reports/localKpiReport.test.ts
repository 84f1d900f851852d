/**
 * The desk's own report (offline): read from the local database with the storage narrowing the
 * tickets to those that can count, it equals shared/kpi over every ticket and event there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport } from '#shared/kpi/index.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { openDatabase, type DeskDatabase } from '../../../../../renderer/src/db/database.ts';
import { localKpiReport } from '../../../../../renderer/src/features/reports/localKpiReport.ts';
import { ticketInput } from '../../../../support/ticketFactory.ts';
import { mayEvents, mayTickets } from '../../../shared/kpi/mayWorkspace.ts';
import { msk, story } from '../../../shared/kpi/kpiFixtures.ts';

const june10 = msk('2026-06-10 12:00');
// Settled long before May (resolved and closed in March): the storage leaves it out, and so does the report.
const settled = story({
  id: 'OLD',
  created: '2026-03-02 10:00',
  contact: '2026-03-02 10:05',
  moves: [
    ['resolved', '2026-03-02 12:00'],
    ['closed', '2026-03-05 12:00'],
  ],
  closed: '2026-03-05 12:00',
  csat: 5,
});

let db: DeskDatabase;
beforeAll(async () => {
  db = await openDatabase({ name: `test_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  const full = [...mayTickets, settled].map((t): Ticket => {
    const base = createTicketDocument(ticketInput, { id: t.id, now: t.createdAt, authorId: 'ag1' });
    return { ...base, ...t, product: t.product ?? base.product } as Ticket;
  });
  await db.tickets.bulkInsert(full);
  await db.events.bulkInsert(
    mayEvents.map(
      (e, i): TicketEvent =>
        ({
          id: `e-${i}`,
          ticketId: e.ticketId,
          kind: e.kind,
          at: e.at,
          authorId: 'ag2',
          authorName: 'Руководитель',
          public: false,
          body: '',
          data: e.data,
          updatedAt: 0,
        }) as TicketEvent,
    ),
  );
});
afterAll(async () => {
  await db.remove();
});

describe('the desk’s own KPI report', () => {
  it.each([
    ['May', '2026-05-01', '2026-05-31'],
    ['the second quarter', '2026-04-01', '2026-06-30'],
    ['March, where the settled ticket counts', '2026-03-01', '2026-03-31'],
  ])('equals shared/kpi over every local ticket for %s', async (_what, from, to) => {
    const tickets = (await db.tickets.find().exec()).map((d) => d.toJSON() as unknown as Ticket);
    const events = (await db.events.find().exec()).map((d) => d.toJSON() as unknown as TicketEvent);
    const expected = computeKpiReport({ tickets, events, setup: defaultSlaSetup(), from, to, now: june10, lists: 'team' });
    const local = await localKpiReport(db, { from, to }, null, june10);
    expect(local).toEqual(expected);
  });

  it('is the figures worked out for May', async () => {
    const r = await localKpiReport(db, { from: '2026-05-01', to: '2026-05-31' }, null, june10);
    expect(r.sla.standard).toEqual({ total: 5, met: 4, rate: 0.8 });
    expect(r.repeats).toMatchObject({ count: 1, previousQuarter: 2 });
  });
});
