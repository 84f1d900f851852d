import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { applyTicketAction, createTicket, updateTicket } from '../../../../renderer/src/db/ticketRepository.ts';
import { markAcknowledged } from '../../../../renderer/src/db/outbox.ts';
import { recordRejections } from '../../../../renderer/src/db/syncProblemRepository.ts';
import type { WriteContext } from '../../../../renderer/src/db/writeContext.ts';
import { agent, head, monday10 } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;
let clock = monday10;
let ids = 0;
const ctx = (actor = agent): WriteContext => ({
  actor,
  now: () => clock,
  sla: defaultSlaSetup(),
  newId: () => `id-${++ids}`,
});
const input = {
  subject: 'Шлагбаум не открывается',
  description: 'Жители не могут въехать',
  type: 'incident' as const,
  priority: 'emergency' as const,
  channel: 'phone' as const,
  product: 'pass24_auto' as const,
  organizationName: 'УК «Северный парк»',
  siteName: 'ЖК «Северный парк»',
  contact: { name: 'Сергей', phone: '+7 900 000-00-00' },
};

beforeEach(async () => {
  clock = monday10;
  // The free RxDB allows a limited number of open collections per process: one database at a time.
  db = await openDatabase({ name: `test_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  await db.remove();
});

describe('ticket repository', () => {
  it('creates a ticket locally with its SLA deadlines, a timeline entry and an outbox entry', async () => {
    const t = await createTicket(db, input, ctx());
    expect(t.number).toBeNull();
    // Emergency on a Monday at 10:00 Moscow: contact due at 10:15, resolution at 14:00.
    expect(t.firstContactDueAt).toBe(monday10 + 15 * 60_000);
    expect(t.resolutionDueAt).toBe(monday10 + 4 * 3_600_000);
    expect(t.dueAt).toBe(t.firstContactDueAt);
    const stored = await db.tickets.findOne(t.id).exec();
    expect(stored?.subject).toBe('Шлагбаум не открывается');
    const events = await db.events.find({ selector: { ticketId: t.id } }).exec();
    expect(events.map((e) => e.kind)).toEqual(['created']);
    expect(await db.outbox.count().exec()).toBe(2);
  });

  it('records every edited field in the timeline, and nothing for a no-op edit', async () => {
    const t = await createTicket(db, input, ctx());
    clock += 60_000;
    await updateTicket(db, t.id, { subject: 'Шлагбаум на въезде 2 не открывается', product: 'pass24_auto' }, ctx());
    await updateTicket(db, t.id, { subject: 'Шлагбаум на въезде 2 не открывается' }, ctx());
    const events = await db.events.find({ selector: { ticketId: t.id }, sort: [{ at: 'asc' }] }).exec();
    expect(events.map((e) => [e.kind, e.data.field ?? null])).toEqual([
      ['created', null],
      ['field_changed', 'subject'],
    ]);
    const stored = await db.tickets.findOne(t.id).exec();
    expect(stored?.editedAt).toBe(clock);
  });

  it('applies a workflow move, meets first contact and moves the sort key to resolution', async () => {
    const t = await createTicket(db, input, ctx());
    clock += 5 * 60_000;
    const taken = await applyTicketAction(db, t.id, { type: 'take' }, ctx());
    expect(taken.ok).toBe(true);
    const contacted = await applyTicketAction(db, t.id, { type: 'logContact', mode: 'call', note: 'Позвонил' }, ctx());
    if (!contacted.ok) throw new Error(contacted.error.code);
    expect(contacted.ticket.firstContactAt).toBe(clock);
    expect(contacted.ticket.dueAt).toBe(contacted.ticket.resolutionDueAt);
  });

  it('refuses an illegal move and changes nothing', async () => {
    const t = await createTicket(db, input, ctx());
    const before = await db.events.count().exec();
    const r = await applyTicketAction(db, t.id, { type: 'approveEscalation', devTaskRef: 'DEV-1' }, ctx(head));
    expect(r).toMatchObject({ ok: false, error: { code: 'illegal_in_status' } });
    expect(await db.events.count().exec()).toBe(before);
    expect((await db.tickets.findOne(t.id).exec())?.status).toBe('new');
  });
});

describe('outbox and sync problems', () => {
  it('keeps a document pending when it was edited again after the acknowledged state', async () => {
    const t = await createTicket(db, input, ctx());
    clock += 1000;
    await updateTicket(db, t.id, { subject: 'Новая тема' }, ctx());
    await markAcknowledged(db.outbox, 'tickets', new Map([[t.id, monday10]]));
    expect(await db.outbox.findOne(`tickets:${t.id}`).exec()).not.toBeNull();
    await markAcknowledged(db.outbox, 'tickets', new Map([[t.id, clock]]));
    expect(await db.outbox.findOne(`tickets:${t.id}`).exec()).toBeNull();
  });

  it('lists refused documents with the reason and the label', async () => {
    await recordRejections(
      db,
      'tickets',
      [{ id: 'x1', code: 'invalid_document', reason: 'Тема пуста' }],
      new Map([['x1', 'Без темы']]),
      clock,
    );
    const problems = await db.syncproblems.find().exec();
    expect(problems.map((p) => p.toJSON())).toEqual([
      {
        key: 'tickets:x1',
        collectionName: 'tickets',
        docId: 'x1',
        code: 'invalid_document',
        reason: 'Тема пуста',
        label: 'Без темы',
        at: clock,
      },
    ]);
  });
});
