/**
 * Sign-in sessions: a bearer token per login, stored hashed, expiring, revocable, and ending when
 * idle: a session unused for `idleMs` no longer signs anyone in. Old sessions are deleted.
 */
import type { Kysely } from 'kysely';
import type { AgentProfile } from '#shared/protocol.ts';
import type { Role } from '#shared/vocabulary/enums.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const defaultTokenTtlMs = 30 * 24 * 60 * 60 * 1000;
/** A session unused this long ends (a desk in use pulls every 30 s at the least). */
export const defaultSessionIdleMs = 7 * 24 * 60 * 60 * 1000;
/** An ended session is kept this long (for the record), then deleted. */
export const endedSessionRetentionMs = 30 * 24 * 60 * 60 * 1000;
/** Last use is written at most this often: not a write per request. */
const touchEveryMs = 60_000;

export async function createSession(
  db: Kysely<DbSchema>,
  accountId: string,
  ttlMs: number,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const { secret, hash } = newSecret();
  const expiresAt = now + ttlMs;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hash,
      account_id: accountId,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      last_seen_at: now,
    })
    .execute();
  return { token: secret, expiresAt };
}

/** The signed-in agent of a token: live session, not expired, not idle, not revoked, account active. */
export async function resolveSession(
  db: Kysely<DbSchema>,
  token: string,
  now: number,
  idleMs: number = defaultSessionIdleMs,
): Promise<AgentProfile | null> {
  const hash = hashSecret(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.login', 'a.name', 'a.role', 's.last_seen_at'])
    .where('s.token_hash', '=', hash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', now - idleMs)
    .where('a.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (row.last_seen_at < now - touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return { id: row.id, login: row.login, name: row.name, role: row.role as Role };
}

/** Deletes sessions ended (expired, revoked or idle) more than `endedSessionRetentionMs` ago. */
export async function deleteOldSessions(
  db: Kysely<DbSchema>,
  now: number,
  idleMs: number = defaultSessionIdleMs,
): Promise<number> {
  const before = now - endedSessionRetentionMs;
  const res = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before), eb('last_seen_at', '<', before - idleMs)]),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function revokeSession(db: Kysely<DbSchema>, token: string, now: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAccountSessions(db: Kysely<DbSchema>, accountId: string, now: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();
}
