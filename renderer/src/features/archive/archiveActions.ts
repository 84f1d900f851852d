/**
 * The archive's writes (docs/sync.md, "Archive"). A ticket the desk keeps is reopened like in the
 * queue, offline too; one it does not keep is reopened by the endpoint (the desk has no base state
 * to push the move on) and then arrives through sync, with its timeline, on every desk.
 */
import type { Ticket } from '#shared/schema/index.ts';
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
