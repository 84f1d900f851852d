import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Bitrix24: a channel may be a CRM portal, the outbound queue carries comments for the CRM's
 * timeline (kind `crm`), and a client card carries its INN and its link to a CRM company. Stored
 * cards have neither: the same defaults the desks' local migration gives.
 */
export const bitrix24: Migration = {
  version: 12,
  name: 'bitrix24',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`alter table channels drop constraint channels_kind_check`.execute(db);
    await sql`alter table channels add constraint channels_kind_check check (kind in ('email', 'telegram', 'bitrix24'))`.execute(
      db,
    );
    await sql`alter table outbound_messages drop constraint outbound_messages_kind_check`.execute(db);
    await sql`
      alter table outbound_messages add constraint outbound_messages_kind_check
      check (kind in ('reply', 'ack', 'report', 'crm'))`.execute(db);
    await sql`
      update documents
      set data = jsonb_build_object('inn', '', 'crm', null) || data
      where collection = 'clients'`.execute(db);
  },
};
