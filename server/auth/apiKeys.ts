/** API keys of channel connectors (intake): one or more per channel, stored hashed, shown once. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { intakeChannels, type IntakeChannel } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { hashSecret, newSecret } from './tokens.ts';

export function isIntakeChannel(value: string): value is IntakeChannel {
  return (intakeChannels as readonly string[]).includes(value);
}

export async function createApiKey(
  db: Kysely<DbSchema>,
  channel: IntakeChannel,
  now: number = Date.now(),
): Promise<{ id: string; key: string }> {
  const { secret, hash } = newSecret('p24k_');
  const id = randomUUID();
  await db.insertInto('api_keys').values({ id, channel, key_hash: hash, created_at: now, revoked_at: null }).execute();
  return { id, key: secret };
}

export async function resolveApiKey(db: Kysely<DbSchema>, key: string): Promise<{ id: string; channel: IntakeChannel } | null> {
  if (key.length < 16 || key.length > 200) return null;
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'channel'])
    .where('key_hash', '=', hashSecret(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && isIntakeChannel(row.channel) ? { id: row.id, channel: row.channel } : null;
}

export interface ApiKeySummary {
  id: string;
  channel: string;
  createdAt: number;
  revokedAt: number | null;
}

export async function listApiKeys(db: Kysely<DbSchema>): Promise<ApiKeySummary[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'channel', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Revokes a key by its id: its connector is refused from the next request on. False when no live key has that id. */
export async function revokeApiKey(db: Kysely<DbSchema>, id: string, now: number = Date.now()): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
