import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Reports. (1) The outbound queue carries report mail too (the weekly SLA review to the head):
 * kind `report`, with no ticket (`ticket_id` empty). (2) Reading a period's tickets without
 * evaluating JSON on every ticket ever filed (server/tickets/ticketQueries.ts): `ticket_settled_at`
 * is the instant after which a ticket has nothing more for any report (its resolution, close or
 * first contact, whichever is last; infinity while it is not finished), indexed with the creation
 * instant; repeats indexed by creation; the events the KPIs read indexed by ticket.
 * The function is PL/pgSQL with a high declared cost so the planner neither inlines it nor prefers
 * filtering every ticket by it over the index.
 */
export const kpiReports: Migration = {
  version: 10,
  name: 'kpi_reports',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`alter table outbound_messages drop constraint outbound_messages_kind_check`.execute(db);
    await sql`alter table outbound_messages add constraint outbound_messages_kind_check check (kind in ('reply', 'ack', 'report'))`.execute(
      db,
    );

    await sql`
      create function ticket_settled_at(doc jsonb) returns double precision
      language plpgsql immutable strict parallel safe cost 1000 as $$
      begin
        if (doc->>'status' = 'resolved' or doc->>'status' = 'closed') and doc->>'resolvedAt' is not null then
          return greatest(
            (doc->>'resolvedAt')::float8,
            coalesce((doc->>'closedAt')::float8, 0),
            coalesce((doc->>'firstContactAt')::float8, 0)
          );
        end if;
        return 'Infinity'::float8;
      end $$`.execute(db);
    await sql`
      create index documents_ticket_settled on documents (ticket_settled_at(data), ((data->>'createdAt')::float8))
      where collection = 'tickets' and not deleted`.execute(db);
    await sql`
      create index documents_ticket_repeats on documents (((data->>'createdAt')::float8))
      where collection = 'tickets' and not deleted and data->>'repeatOf' <> ''`.execute(db);
    await sql`
      create index documents_event_kpi on documents ((data->>'ticketId'))
      where collection = 'events' and not deleted
        and data->>'kind' in ('priority_changed', 'assigned', 'escalation_approved', 'resolution')`.execute(db);
  },
};
