import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Telegram: a channel may be a bot, and a message received in a chat names its chat
 * (`conversation`), so the chat's current ticket is found by it: a chat is one conversation
 * with the desk, not a thread of message ids like mail.
 */
export const telegram: Migration = {
  version: 11,
  name: 'telegram',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`alter table channels drop constraint channels_kind_check`.execute(db);
    await sql`alter table channels add constraint channels_kind_check check (kind in ('email', 'telegram'))`.execute(db);
    await sql`alter table channel_messages add column conversation text`.execute(db);
    await sql`
      create index channel_messages_conversation on channel_messages (channel_id, conversation, created_at)
      where conversation is not null`.execute(db);
  },
};
