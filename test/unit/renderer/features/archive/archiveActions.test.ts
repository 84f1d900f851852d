/**
 * The archive on the desk: what a found ticket offers (reopen only where the workflow allows it;
 * a closed ticket is final), reopening a ticket the desk keeps without the endpoint, and a fetched
 * timeline kept for a ticket the desk keeps, never for one it does not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { TicketEvent } from '#shared/schema/index.ts';
import { openDatabase, type DeskDatabase } from '../../../../../renderer/src/db/database.ts';
import { reopenFromArchive } from '../../../../../renderer/src/features/archive/archiveActions.ts';
import { keepFetchedTimeline } from '../../../../../renderer/src/db/eventRepository.ts';
import { reopenOffer } from '../../../../../renderer/src/features/archive/reopenOffer.ts';
import type { Workspace } from '../../../../../renderer/src/services/session/workspace.ts';
import { agent, head, makeTicket, monday10 } from '../../../../support/ticketFactory.ts';

const colleague = { id: 'agent-2', name: 'Пётр', role: 'agent' as const };
const resolved = (assigneeId: string) =>
  makeTicket({
    id: 'r-1',
    status: 'resolved',
    assigneeId,
    resolvedAt: monday10,
    resolution: { summary: 'Готово', kbArticleId: 'kb-1' },
  });

describe('what the archive offers on a found ticket', () => {
  it('offers reopening a resolved ticket to its assignee and to the head', () => {
    expect(reopenOffer(resolved(agent.id), agent)).toBe('reopen');
    expect(reopenOffer(resolved(''), agent)).toBe('reopen');
    expect(reopenOffer(resolved(colleague.id), head)).toBe('reopen');
  });

  it("does not offer an agent reopening a colleague's resolved ticket", () => {
    expect(reopenOffer(resolved(colleague.id), agent)).toBe('notYours');
  });

  it('never offers reopening a closed ticket, to anyone: it is final', () => {
    const closed = { ...resolved(agent.id), status: 'closed' as const, closedAt: monday10 };
    expect(reopenOffer(closed, agent)).toBe('final');
    expect(reopenOffer(closed, head)).toBe('final');
  });

  it('offers nothing to reopen on an open ticket', () => {
    expect(reopenOffer(makeTicket({ status: 'in_progress' }), head)).toBe('open');
  });
});

describe('the archive writing to the desk', () => {
  let db: DeskDatabase;
  let ids = 0;
  const ws = () =>
    ({
      db,
      write: { actor: agent, now: () => monday10 + 3_600_000, sla: defaultSlaSetup(), newId: () => `n-${++ids}` },
      api: {
        reopenTicket: () => Promise.reject(new Error('a ticket the desk keeps is reopened without the endpoint')),
      },
      sync: { reSync: () => undefined },
    }) as unknown as Workspace;
  const event = (id: string, ticketId: string): TicketEvent => ({
    id,
    ticketId,
    kind: 'note',
    at: monday10,
    authorId: agent.id,
    authorName: agent.name,
    public: false,
    body: 'Проверили контроллер',
    data: {},
    updatedAt: monday10,
  });

  beforeEach(async () => {
    db = await openDatabase({ name: `arch_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  });
  afterEach(async () => {
    await db.remove();
  });

  it('reopens a resolved ticket the desk keeps locally, with the reason in its timeline', async () => {
    await db.tickets.insert(resolved(agent.id));
    const result = await reopenFromArchive(ws(), 'r-1', 'Шлагбаум снова не открывается');
    expect(result.ok).toBe(true);
    expect((await db.tickets.findOne('r-1').exec())?.status).toBe('in_progress');
    const events = (await db.events.find({ selector: { ticketId: 'r-1' } }).exec()).map((e) => [e.kind, e.body]);
    expect(events).toContainEqual(['reopened', 'Шлагбаум снова не открывается']);
    expect(await db.outbox.count().exec()).toBeGreaterThan(0);
  });

  it("refuses locally what the workflow refuses: a colleague's ticket stays resolved", async () => {
    await db.tickets.insert(resolved(colleague.id));
    const result = await reopenFromArchive(ws(), 'r-1', 'Не помогло');
    expect(result).toMatchObject({ ok: false, error: { code: 'not_assignee' } });
    expect((await db.tickets.findOne('r-1').exec())?.status).toBe('resolved');
  });

  it('keeps the fetched timeline entries a kept ticket lacks, and nothing of a ticket the desk does not keep', async () => {
    await db.tickets.insert(resolved(agent.id));
    await db.events.insert(event('e-1', 'r-1'));
    const fetched = [event('e-1', 'r-1'), event('e-2', 'r-1'), event('e-3', 'r-1')];
    expect(
      await keepFetchedTimeline(
        db,
        'r-1',
        fetched.map((e) => ({ ...e, _deleted: false })),
      ),
    ).toBe(2);
    expect((await db.events.find().exec()).map((e) => e.id).sort()).toEqual(['e-1', 'e-2', 'e-3']);
    expect(await keepFetchedTimeline(db, 'r-1', fetched)).toBe(0);
    expect(await keepFetchedTimeline(db, 'elsewhere', [event('x-1', 'elsewhere')])).toBe(0);
    expect(await db.events.count().exec()).toBe(3);
  });
});
