/**
 * One instance runs each connector: a lease row (holder, expiry) taken when free or expired and
 * renewed well before it runs out. An instance that dies stops renewing; another takes the
 * connector over when the lease expires. So a mailbox is never fetched by two instances at once
 * (filing is idempotent on Message-ID besides, should clocks disagree).
 */
import { sql, type Kysely } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';

/** Takes or renews the lease; true when this holder has it until `now + leaseMs`. */
export async function holdLease(
  db: Kysely<DbSchema>,
  channelId: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const { rows } = await sql<{ holder: string }>`
    insert into channel_leases (channel_id, holder, expires_at) values (${channelId}, ${holder}, ${now + leaseMs})
    on conflict (channel_id) do update set holder = excluded.holder, expires_at = excluded.expires_at
      where channel_leases.holder = excluded.holder or channel_leases.expires_at < ${now}
    returning holder`.execute(db);
  return rows[0]?.holder === holder;
}

export async function releaseLeases(db: Kysely<DbSchema>, holder: string, channelIds?: readonly string[]): Promise<void> {
  let query = db.deleteFrom('channel_leases').where('holder', '=', holder);
  if (channelIds) {
    if (channelIds.length === 0) return;
    query = query.where('channel_id', 'in', [...channelIds]);
  }
  await query.execute();
}

/** Live leases by channel id. */
export async function liveLeases(db: Kysely<DbSchema>, now: number): Promise<Map<string, string>> {
  const rows = await db.selectFrom('channel_leases').select(['channel_id', 'holder']).where('expires_at', '>=', now).execute();
  return new Map(rows.map((r) => [r.channel_id, r.holder]));
}
