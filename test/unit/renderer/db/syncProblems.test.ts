/** The sync-problems list: a refused document is sent again or its local change discarded. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { markPending } from '../../../../renderer/src/db/outbox.ts';
import {
  canRetry,
  discardLocalChange,
  ProblemDocumentMissingError,
  recordRejections,
  retryProblem,
} from '../../../../renderer/src/db/syncProblemRepository.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;

beforeEach(async () => {
  db = await openDatabase({ name: `test_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  await db.remove();
});

async function refuse(id: string, label: string) {
  await recordRejections(
    db,
    'tickets',
    [{ id, code: 'immutable_field', reason: 'Дата создания не изменяется' }],
    new Map([[id, label]]),
    monday10,
  );
}

describe('sending a refused document again', () => {
  it('writes the document again with a later editedAt, marks it pending and clears the problem', async () => {
    const ticket = makeTicket({ editedAt: monday10 });
    await db.tickets.insert(ticket);
    await refuse(ticket.id, ticket.subject);

    await retryProblem(db, 'tickets', ticket.id, monday10 + 60_000);

    const stored = await db.tickets.findOne(ticket.id).exec();
    expect(stored?.editedAt).toBe(monday10 + 60_000);
    expect(stored?.subject).toBe(ticket.subject);
    expect(await db.syncproblems.count().exec()).toBe(0);
    const pending = await db.outbox.find().exec();
    expect(pending.map((e) => [e.docId, e.at])).toEqual([[ticket.id, monday10 + 60_000]]);
  });

  it('still moves editedAt forward when the clock is behind the last edit', async () => {
    const ticket = makeTicket({ editedAt: monday10 + 5_000 });
    await db.tickets.insert(ticket);
    await retryProblem(db, 'tickets', ticket.id, monday10);
    expect((await db.tickets.findOne(ticket.id).exec())?.editedAt).toBe(monday10 + 5_001);
  });

  it('says so when the document is no longer on this computer', async () => {
    await refuse('gone', 'Удалённое обращение');
    await expect(retryProblem(db, 'tickets', 'gone', monday10)).rejects.toBeInstanceOf(ProblemDocumentMissingError);
    expect(await db.syncproblems.count().exec()).toBe(1);
  });

  it('is offered for edited documents, not for history entries or the server-owned directory', () => {
    expect(canRetry('tickets')).toBe(true);
    expect(canRetry('kb')).toBe(true);
    expect(canRetry('events')).toBe(false);
    expect(canRetry('agents')).toBe(false);
  });
});

describe('discarding a refused local change', () => {
  it('restores the server version of a document the server has', async () => {
    const server = makeTicket({ number: 'ТП-000042', updatedAt: 1_000, subject: 'Версия с сервера' });
    await db.tickets.insert({ ...server, createdAt: server.createdAt + 1, subject: 'Локальная правка' });
    await markPending(db.outbox, 'tickets', [server.id], monday10);
    await refuse(server.id, 'Локальная правка');

    const outcome = await discardLocalChange(db, 'tickets', server.id, { ...server, _deleted: false });

    expect(outcome).toBe('restored');
    const stored = (await db.tickets.findOne(server.id).exec())?.toJSON();
    expect(stored?.subject).toBe('Версия с сервера');
    expect(stored?.createdAt).toBe(server.createdAt);
    expect(await db.syncproblems.count().exec()).toBe(0);
    expect(await db.outbox.count().exec()).toBe(0);
  });

  it('removes the local copy of a document the server never stored', async () => {
    const local = makeTicket({ number: 'ТП-999999' });
    await db.tickets.insert(local);
    await refuse(local.id, local.subject);

    expect(await discardLocalChange(db, 'tickets', local.id, null)).toBe('removed');

    expect(await db.tickets.findOne(local.id).exec()).toBeNull();
    expect(await db.syncproblems.count().exec()).toBe(0);
  });

  it('removes the local copy when the server has deleted the document', async () => {
    const ticket = makeTicket({ updatedAt: 2_000 });
    await db.tickets.insert(ticket);
    expect(await discardLocalChange(db, 'tickets', ticket.id, { ...ticket, _deleted: true })).toBe('removed');
    expect(await db.tickets.findOne(ticket.id).exec()).toBeNull();
  });
});
