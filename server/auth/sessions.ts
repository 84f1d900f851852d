/** Sign-in sessions: a bearer token per login, stored hashed, expiring, revocable. */
import type { Kysely } from 'kysely';
import type { AgentProfile } from '#shared/protocol.ts';
import type { Role } from '#shared/vocabulary/enums.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const defaultTokenTtlMs = 30 * 24 * 60 * 60 * 1000;

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
    .values({ token_hash: hash, account_id: accountId, created_at: now, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { token: secret, expiresAt };
}

/** The signed-in agent of a token: live session, not expired, not revoked, account active. */
export async function resolveSession(db: Kysely<DbSchema>, token: string, now: number): Promise<AgentProfile | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.login', 'a.name', 'a.role'])
    .where('s.token_hash', '=', hashSecret(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('a.active', '=', true)
    .executeTakeFirst();
  return row ? { id: row.id, login: row.login, name: row.name, role: row.role as Role } : null;
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
