/**
 * Push: conflicts against the master state, tombstones, insert-only events, role rules,
 * immutable ticket fields, schema validation per document, gap-free ticket numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigDoc, KbArticle, Ticket, TicketEvent } from '#shared/schema/index.ts';
import type { PushRow } from '#shared/protocol.ts';
import { backends, documentCount } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { assignTicketNumbers } from '../../server/replication/ticketNumbers.ts';
import { configDoc, eventDoc, fresh, kbDoc, nextId, ticketDoc, update } from './support/documents.ts';

describe.each(backends)('push on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  async function stored<T>(collection: Parameters<TestServer['asAgent']['pullAll']>[0], id: string) {
    const { documents } = await server.asAgent.pullAll<T & { id: string }>(collection);
    return documents.find((d) => d.id === id);
  }

  describe('conflicts', () => {
    it('stores a new document and ignores the updatedAt the client sent', async () => {
      const doc = kbDoc({ updatedAt: 123 });
      expect(await server.asAgent.push('kb', [fresh(doc)])).toEqual({ conflicts: [], rejected: [] });
      const master = await stored<KbArticle>('kb', doc.id);
      expect(master).toMatchObject({ id: doc.id, title: doc.title, _deleted: false });
      expect(master!.updatedAt).not.toBe(123);
      expect(master!.updatedAt).toBeGreaterThan(1e12);
    });

    it('accepts an update based on the current master state', async () => {
      const doc = kbDoc();
      await server.asAgent.push('kb', [fresh(doc)]);
      const master = (await stored<KbArticle>('kb', doc.id))!;
      const res = await server.asAgent.push<KbArticle>('kb', [update(master, { ...master, title: 'Новый заголовок' })]);
      expect(res).toEqual({ conflicts: [], rejected: [] });
      const after = (await stored<KbArticle>('kb', doc.id))!;
      expect(after.title).toBe('Новый заголовок');
      expect(after.updatedAt).toBeGreaterThan(master.updatedAt);
    });

    it.each([
      ['a stale updatedAt', (m: KbArticle & { _deleted: boolean }) => ({ ...m, updatedAt: m.updatedAt - 1 })],
      ['a different tombstone flag', (m: KbArticle & { _deleted: boolean }) => ({ ...m, _deleted: true })],
      ['no assumed state (created twice)', () => null],
    ])('answers %s with the stored master state and stores nothing', async (_label, assumed) => {
      const doc = kbDoc();
      await server.asAgent.push('kb', [fresh(doc)]);
      const master = (await stored<KbArticle>('kb', doc.id))!;
      const row: PushRow<KbArticle> = {
        assumedMasterState: assumed(master),
        newDocumentState: { ...master, title: 'Чужая правка' },
      };
      const res = await server.asAgent.push<KbArticle>('kb', [row]);
      expect(res.rejected).toEqual([]);
      expect(res.conflicts).toEqual([master]);
      expect(await stored<KbArticle>('kb', doc.id)).toEqual(master);
    });

    it('stores the rest of a batch next to a conflict, in one transaction', async () => {
      const a = kbDoc();
      await server.asAgent.push('kb', [fresh(a)]);
      const master = (await stored<KbArticle>('kb', a.id))!;
      const b = kbDoc();
      const c = kbDoc();
      const res = await server.asAgent.push<KbArticle>('kb', [
        fresh(b),
        { assumedMasterState: null, newDocumentState: master },
        fresh(c),
      ]);
      expect(res.conflicts.map((d) => d.id)).toEqual([a.id]);
      const pulled = await server.asAgent.pullAll<KbArticle>('kb');
      const bStored = pulled.documents.find((d) => d.id === b.id)!;
      const cStored = pulled.documents.find((d) => d.id === c.id)!;
      expect(cStored.updatedAt).toBeGreaterThan(bStored.updatedAt);
    });
  });

  describe('tombstones', () => {
    it('keeps a deleted document as a tombstone that can be pulled, and an undelete is an ordinary update', async () => {
      const doc = kbDoc();
      await server.asAgent.push('kb', [fresh(doc)]);
      const master = (await stored<KbArticle>('kb', doc.id))!;
      await server.asAgent.push<KbArticle>('kb', [update(master, { ...master, _deleted: true })]);
      const tomb = (await stored<KbArticle>('kb', doc.id))!;
      expect(tomb._deleted).toBe(true);
      expect(tomb.title).toBe(master.title);
      const row = await server.database.db
        .selectFrom('documents')
        .select(['deleted'])
        .where('collection', '=', 'kb')
        .where('id', '=', doc.id)
        .executeTakeFirst();
      expect(row).toEqual({ deleted: true });
      await server.asAgent.push<KbArticle>('kb', [update(tomb, { ...tomb, _deleted: false })]);
      expect((await stored<KbArticle>('kb', doc.id))!._deleted).toBe(false);
    });
  });

  describe('insert-only events', () => {
    it('stores an event, accepts the identical event pushed again, rejects a changed one', async () => {
      const ev = eventDoc();
      expect(await server.asAgent.push('events', [fresh(ev)])).toEqual({ conflicts: [], rejected: [] });
      const master = (await stored<TicketEvent>('events', ev.id))!;
      expect(await server.asAgent.push('events', [fresh(ev)])).toEqual({ conflicts: [], rejected: [] });
      const changed = await server.asAgent.push<TicketEvent>('events', [
        update(master, { ...master, body: 'Исправленный текст' }),
      ]);
      expect(changed.conflicts).toEqual([]);
      expect(changed.rejected).toEqual([{ id: ev.id, code: 'insert_only', reason: expect.stringMatching(/не изменяются/) }]);
      const deleted = await server.asAgent.push<TicketEvent>('events', [update(master, { ...master, _deleted: true })]);
      expect(deleted.rejected[0]?.code).toBe('insert_only');
      expect(await stored<TicketEvent>('events', ev.id)).toEqual(master);
    });

    it('accepts an event with nested data pushed again (jsonb gives its keys back in another order)', async () => {
      const ev = eventDoc({ kind: 'status_changed', data: { reasonCode: 'waiting', from: 'in_progress', to: 'waiting_client' } });
      expect(await server.asAgent.push('events', [fresh(ev)])).toEqual({ conflicts: [], rejected: [] });
      expect(await server.asAgent.push('events', [fresh(ev)])).toEqual({ conflicts: [], rejected: [] });
    });
  });

  describe('roles', () => {
    it('refuses every push to the pull-only agents collection', async () => {
      const before = await documentCount(server.database);
      const doc = { id: nextId('a'), login: 'x', name: 'X', role: 'agent', active: true, updatedAt: 0, _deleted: false };
      for (const client of [server.asAgent, server.asHead, server.asAdmin]) {
        const res = await client.push('agents', [fresh(doc)]);
        expect(res.rejected).toEqual([{ id: doc.id, code: 'pull_only', reason: expect.stringMatching(/только для чтения/) }]);
      }
      expect(await documentCount(server.database)).toBe(before);
    });

    it('lets head and admin write config, and refuses an agent', async () => {
      const refused = await server.asAgent.push<ConfigDoc>('config', [fresh(configDoc({ id: 'alarm-defaults' }))]);
      expect(refused.rejected).toEqual([
        { id: 'alarm-defaults', code: 'forbidden_role', reason: expect.stringMatching(/head или admin/) },
      ]);
      expect(await stored('config', 'alarm-defaults')).toBeUndefined();
      expect(await server.asHead.push<ConfigDoc>('config', [fresh(configDoc({ id: 'alarm-defaults' }))])).toEqual({
        conflicts: [],
        rejected: [],
      });
      expect(
        await server.asAdmin.push<ConfigDoc>('config', [fresh(configDoc({ id: 'kpi-targets', editedBy: 'admin' }))]),
      ).toEqual({
        conflicts: [],
        rejected: [],
      });
    });

    it('fills the agents collection from the accounts', async () => {
      const { documents } = await server.asAgent.pullAll<{ id: string; login: string; role: string; active: boolean }>('agents');
      expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining([server.agent.id, server.head.id, server.admin.id]));
      expect(documents.find((d) => d.id === server.head.id)).toMatchObject({ role: 'head', active: true, _deleted: false });
    });
  });

  describe('validation', () => {
    it.each([
      ['a wrong type', (t: Ticket) => ({ ...t, priority: 42 })],
      ['an unknown priority', (t: Ticket) => ({ ...t, priority: 'urgent' })],
      ['a missing required field', (t: Ticket) => ({ ...t, subject: undefined })],
      ['an unknown field', (t: Ticket) => ({ ...t, colour: 'red' })],
      ['a too long subject', (t: Ticket) => ({ ...t, subject: 'я'.repeat(301) })],
      ['no tombstone flag', (t: Ticket) => ({ ...t, _deleted: undefined })],
    ])('rejects %s with a Russian reason and stores the rest of the batch', async (_label, spoil) => {
      const bad = spoil(ticketDoc()) as unknown as Ticket & { _deleted: boolean };
      const good = ticketDoc();
      const res = await server.asAgent.push<Ticket>('tickets', [fresh(bad), fresh(good)]);
      // The good one comes back as stored: with the number the server gave it.
      expect(res.conflicts).toEqual([await stored('tickets', good.id)]);
      expect(res.rejected).toEqual([
        { id: bad.id, code: 'invalid_document', reason: expect.stringMatching(/не соответствует схеме/) },
      ]);
      expect(await stored('tickets', bad.id)).toBeUndefined();
      expect(await stored('tickets', good.id)).toBeDefined();
    });

    it('rejects both states of a document sent twice in one batch', async () => {
      const doc = kbDoc();
      const res = await server.asAgent.push('kb', [fresh(doc), fresh({ ...doc, title: 'другой' })]);
      expect(res.rejected.map((r) => [r.id, r.code])).toEqual([
        [doc.id, 'duplicate'],
        [doc.id, 'duplicate'],
      ]);
      expect(await stored('kb', doc.id)).toBeUndefined();
    });

    it('drops RxDB-internal fields instead of refusing them', async () => {
      const doc = { ...kbDoc(), _meta: { lwt: 1 }, _rev: '1-abc', _attachments: {} };
      expect(await server.asAgent.push('kb', [fresh(doc)])).toEqual({ conflicts: [], rejected: [] });
      expect(await stored('kb', doc.id)).not.toHaveProperty('_rev');
    });
  });

  describe('tickets', () => {
    it('numbers a new ticket on arrival and keeps the number when later updates still carry null', async () => {
      const t = ticketDoc();
      const created = await server.asAgent.push('tickets', [fresh(t)]);
      const master = (await stored<Ticket>('tickets', t.id))!;
      expect(master.number).toMatch(/^2026-\d{6}$/);
      // Stored otherwise than sent: the stored state (with the number) comes back at once.
      expect(created).toEqual({ conflicts: [master], rejected: [] });
      const res = await server.asAgent.push<Ticket>('tickets', [
        update(master, { ...master, number: null, subject: 'Уточнённая тема' }),
      ]);
      const updated = (await stored<Ticket>('tickets', t.id))!;
      expect(updated).toMatchObject({ number: master.number, subject: 'Уточнённая тема' });
      expect(res).toEqual({ conflicts: [updated], rejected: [] });
      // An update that carries the number is stored as sent: nothing comes back.
      expect(await server.asAgent.push<Ticket>('tickets', [update(updated, { ...updated, subject: 'Ещё раз' })])).toEqual({
        conflicts: [],
        rejected: [],
      });
    });

    it('stores no new version for a push that changes nothing (the state it just sent back, confirmed)', async () => {
      const t = ticketDoc();
      const { conflicts } = await server.asAgent.push('tickets', [fresh(t)]);
      const master = conflicts[0] as Ticket & { _deleted: boolean };
      const before = await stored<Ticket>('tickets', t.id);
      // What RxDB does with such an answer: takes the master state, then pushes it on that base.
      expect(await server.asAgent.push<Ticket>('tickets', [update(master, master)])).toEqual({ conflicts: [], rejected: [] });
      expect(await stored<Ticket>('tickets', t.id)).toEqual(before);
      const page = await server.asAgent.pull('tickets', { id: master.id, updatedAt: master.updatedAt }, 10);
      expect(page.documents.map((d) => d.id)).not.toContain(master.id);
    });

    it.each([
      ['number', (m: Ticket) => ({ ...m, number: '2026-999999' })],
      ['createdAt', (m: Ticket) => ({ ...m, createdAt: m.createdAt + 1000 })],
    ])('refuses a change of the stored %s', async (field, change) => {
      const t = ticketDoc();
      await server.asAgent.push('tickets', [fresh(t)]);
      const master = (await stored<Ticket>('tickets', t.id))!;
      const res = await server.asAgent.push<Ticket>('tickets', [
        update(master, { ...(change(master) as Ticket), _deleted: false }),
      ]);
      expect(res.rejected).toEqual([
        { id: t.id, code: 'immutable_field', reason: expect.stringContaining(field === 'number' ? 'Номер' : 'createdAt') },
      ]);
      expect(await stored<Ticket>('tickets', t.id)).toEqual(master);
    });

    it('refuses a new ticket that brings its own number', async () => {
      const t = ticketDoc({ number: '2026-000001' });
      const res = await server.asAgent.push('tickets', [fresh(t)]);
      expect(res.rejected[0]).toMatchObject({ id: t.id, code: 'invalid_document' });
    });

    it('numbers gap-free per Moscow year in creation order, also across concurrent pushes', async () => {
      // 2025-12-31 21:30 UTC is already 2025-12-31 → 2026-01-01 00:30 in Moscow.
      const newYearEve = Date.UTC(2025, 11, 31, 21, 30);
      const batches = Array.from({ length: 6 }, (_, b) =>
        Array.from({ length: 20 }, (_, i) => ticketDoc({ createdAt: Date.UTC(2017, 0, 10) + b * 1000 + i })),
      );
      await Promise.all(batches.map((batch) => server.asAgent.push('tickets', batch.map(fresh))));
      const early = ticketDoc({ createdAt: newYearEve });
      const late = ticketDoc({ createdAt: newYearEve - 2 * 60 * 60 * 1000 });
      await server.asAgent.push('tickets', [fresh(early), fresh(late)]);

      const { documents } = await server.asAgent.pullAll<Ticket>('tickets');
      const of2017 = documents
        .filter((d) => d.number?.startsWith('2017-'))
        .map((d) => d.number!)
        .sort();
      expect(of2017).toEqual(Array.from({ length: 120 }, (_, i) => `2017-${String(i + 1).padStart(6, '0')}`));
      expect(documents.find((d) => d.id === early.id)!.number).toMatch(/^2026-/);
      expect(documents.find((d) => d.id === late.id)!.number).toBe('2025-000001');
      // Within a batch, numbers follow creation order.
      const batch0 = batches[0]!.map((t) => documents.find((d) => d.id === t.id)!.number!);
      expect([...batch0].sort()).toEqual(batch0);
    });

    it('gives back the numbers of a rolled-back push (no gaps)', async () => {
      // A past year of its own (an instant from the future is refused): nobody else numbers in it.
      const year = 2021;
      const first = ticketDoc({ createdAt: Date.UTC(year, 5, 1) });
      await server.asAgent.push('tickets', [fresh(first)]);
      // A writing transaction that takes a number and then fails must give the number back.
      await expect(
        server.database.db.transaction().execute(async (trx) => {
          const t = { id: 'x', createdAt: Date.UTC(year, 5, 2), number: null as string | null };
          await assignTicketNumbers(trx, [t]);
          expect(t.number).toBe(`${year}-000002`);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const next = ticketDoc({ createdAt: Date.UTC(year, 5, 3) });
      await server.asAgent.push('tickets', [fresh(next)]);
      expect((await stored<Ticket>('tickets', next.id))!.number).toBe(`${year}-000002`);
    });
  });
});
