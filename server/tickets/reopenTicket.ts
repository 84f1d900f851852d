/**
 * Reopening a ticket the desk does not keep (docs/sync.md, "Archive"): the desk has no base state
 * to push a move on, so the endpoint makes the move itself, with the workflow's rule for the
 * signed-in account (shared/domain/workflow.ts) and the push's own check (shared/authz) on top.
 * The ticket comes back into every desk's working set with its timeline, as a pushed reopen does.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkDocument } from '#shared/authz/documentRules.ts';
import type { RuleDoc } from '#shared/authz/ruleTypes.ts';
import { withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import { applyAction, type WorkflowErrorCode } from '#shared/domain/workflow.ts';
import type { AgentProfile } from '#shared/protocol.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { HttpError } from '../http/httpError.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';
import { readTicket, type NewEvent } from '../channels/ticketWrites.ts';
import { CollectionWriter } from '../replication/collectionWriter.ts';
import { resendTimelines } from '../replication/timelineReturn.ts';

const refusals: Partial<Record<WorkflowErrorCode, string>> = {
  illegal_in_status:
    'Открыть заново можно только решённое обращение, которое клиент ещё не подтвердил. Закрытое обращение окончательно: продолжите его новым связанным обращением.',
  not_assignee: 'Обращение ведёт другой сотрудник: открыть его заново может он или руководитель.',
  reason_required: 'Укажите, что не решено.',
};

/** Reopens ticket `id` as `agent` at `now`; answers the ticket as stored, or throws an HttpError. */
export async function reopenTicket(
  db: Kysely<DbSchema>,
  id: string,
  reason: string,
  agent: AgentProfile,
  now: number,
): Promise<Ticket> {
  const sla = await slaSetupOnServer(db);
  return db.transaction().execute(async (trx) => {
    const tickets = await CollectionWriter.open(trx, 'tickets');
    const stored = await readTicket(trx, id);
    if (!stored) throw new HttpError(404, 'ticket_not_found', `Обращение ${id} не найдено.`);
    const actor = { id: agent.id, name: agent.name, role: agent.role };
    const moved = applyAction(stored, { type: 'reopen', reason }, actor, now);
    if (!moved.ok) {
      const status = moved.error.code === 'reason_required' ? 400 : moved.error.code === 'illegal_in_status' ? 409 : 403;
      throw new HttpError(status, moved.error.code, refusals[moved.error.code] ?? moved.error.code);
    }
    const next = withSlaDeadlines(moved.ticket, now, sla);
    // The same judgement a pushed reopen gets: the desk's path and this one cannot disagree.
    const verdict = checkDocument('tickets', {
      role: agent.role,
      agentId: agent.id,
      stored: stored as unknown as RuleDoc,
      pushed: { ...next, _deleted: false } as unknown as RuleDoc,
      now,
    });
    if (!verdict.ok) throw new HttpError(403, verdict.code, verdict.reason);
    const [written] = await tickets.write([{ ...next, _deleted: false }]);
    await tickets.notify();
    const events: NewEvent[] = moved.events.map((draft, i) => ({
      id: randomUUID(),
      ticketId: id,
      kind: draft.kind,
      at: now + i,
      authorId: agent.id,
      authorName: agent.name,
      public: draft.public,
      body: draft.body,
      data: draft.data,
    }));
    // The earlier timeline is stored again, so it reaches desks whose checkpoint passed it; the
    // events lock comes after the tickets lock, and the writer opened after it stamps past it.
    await resendTimelines(trx, [id]);
    const timeline = await CollectionWriter.open(trx, 'events');
    await timeline.write(events.map((e) => ({ ...e, _deleted: false })));
    await timeline.notify();
    return written as unknown as Ticket;
  });
}
