/**
 * The archive's writes (docs/sync.md, "Archive"). A ticket the desk keeps is reopened like in the
 * queue, offline too; one it does not keep is reopened by the endpoint (the desk has no base state
 * to push the move on) and then arrives through sync, with its timeline, on every desk. A timeline
 * fetched for a ticket the desk keeps fills in what has not arrived yet (a first sync brings the
 * timeline last), so it is there offline and after a restart, and leaves with the ticket.
 */
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { applyTicketAction, type ActionOutcome } from '../../db/ticketRepository.ts';
import type { Workspace } from '../../services/session/workspace.ts';

export type ReopenResult = ActionOutcome | { ok: true; remote: true };

export async function reopenFromArchive(
  ws: Pick<Workspace, 'db' | 'api' | 'write' | 'sync'>,
  ticketId: string,
  reason: string,
): Promise<ReopenResult> {
  const local = await ws.db.tickets.findOne(ticketId).exec();
  if (local) return applyTicketAction(ws.db, ticketId, { type: 'reopen', reason }, ws.write);
  await ws.api.reopenTicket<Ticket>(ticketId, reason);
  // The live stream brings it; a pull now does not wait for a stream that is down.
  ws.sync.reSync();
  return { ok: true, remote: true };
}

/** Stores the entries of a fetched timeline the desk lacks, for a ticket it keeps; answers how many. */
export async function keepTimeline(ws: Pick<Workspace, 'db'>, ticketId: string, events: readonly TicketEvent[]): Promise<number> {
  if (!(await ws.db.tickets.findOne(ticketId).exec())) return 0;
  const held = await ws.db.events.findByIds(events.map((e) => e.id)).exec();
  const missing = events.filter((e) => e.ticketId === ticketId && !held.has(e.id));
  if (missing.length === 0) return 0;
  // The endpoint's copy carries its `_deleted` flag, which RxDB keeps to itself.
  await ws.db.events.bulkInsert(
    missing.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== '_deleted')) as TicketEvent),
  );
  return missing.length;
}
