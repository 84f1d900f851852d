/** The admin's audit trail (table audit_log): appended in the transaction of the change it records. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntry } from '#shared/adminProtocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';

/** Who made a change: a signed-in account, or the command line on the server. */
export interface AuditActor {
  id: string | null;
  login: string;
}

export const cliActor: AuditActor = { id: null, login: 'cli' };

export async function recordAudit(
  db: Kysely<DbSchema>,
  actor: AuditActor,
  entry: { action: AuditAction; target: string; detail?: string },
  now: number = Date.now(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now,
      actor_id: actor.id,
      actor_login: actor.login,
      action: entry.action,
      target: entry.target.slice(0, 200),
      detail: (entry.detail ?? '').slice(0, 1000),
    })
    .execute();
}

/** The newest entries first. */
export async function listAudit(db: Kysely<DbSchema>, limit = 500): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorLogin: r.actor_login,
    action: r.action as AuditAction,
    target: r.target,
    detail: r.detail,
  }));
}
