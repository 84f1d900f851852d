/**
 * The workspace's history in a backup: the admin's audit trail (audit_log) and every stored
 * version of each knowledge-base article (kb_versions). Restoring documents does not write
 * versions (only a push or an import does), so the history travels as its own rows, unchanged.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';

export interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  actor_login: string;
  action: string;
  target: string;
  detail: string;
}

const page = 2000;

/** The audit trail, oldest first, page by page. */
export async function* auditRows(db: Kysely<DbSchema>): AsyncGenerator<AuditRow> {
  let after: { at: number; id: string } | null = null;
  for (;;) {
    const { rows } = await sql<AuditRow>`
      select id, at, actor_id, actor_login, action, target, detail from audit_log
      ${after ? sql`where (at, id) > (${after.at}::double precision, ${after.id})` : sql``}
      order by at, id limit ${page}`.execute(db);
    for (const row of rows) yield { ...row, at: Number(row.at) };
    const last = rows.at(-1);
    if (!last || rows.length < page) return;
    after = { at: Number(last.at), id: last.id };
  }
}

/**
 * Each version as one backup line, its stored article copied verbatim (the text PostgreSQL gives
 * for the jsonb), in article and time order.
 */
export async function* kbVersionLines(db: Kysely<DbSchema>): AsyncGenerator<string> {
  let after: { a: string; u: number } | null = null;
  for (;;) {
    const { rows } = await sql<{ article_id: string; updated_at: number; signed_by: string; json: string }>`
      select article_id, updated_at, signed_by, data::text as json from kb_versions
      ${after ? sql`where (article_id, updated_at) > (${after.a}, ${after.u}::double precision)` : sql``}
      order by article_id, updated_at limit ${page}`.execute(db);
    for (const r of rows) {
      const head = JSON.stringify({
        type: 'kbVersion',
        article_id: r.article_id,
        updated_at: Number(r.updated_at),
        signed_by: r.signed_by,
      });
      yield `${head.slice(0, -1)},"data":${r.json}}`;
    }
    const last = rows.at(-1);
    if (!last || rows.length < page) return;
    after = { a: last.article_id, u: Number(last.updated_at) };
  }
}

const text = (record: Record<string, unknown>, field: string): string => {
  const value = record[field];
  if (typeof value !== 'string') throw new Error(`поле «${field}» должно быть строкой`);
  return value;
};

const number = (record: Record<string, unknown>, field: string): number => {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`поле «${field}» должно быть числом`);
  return value;
};

export async function restoreAuditRow(trx: Transaction<DbSchema>, record: Record<string, unknown>): Promise<void> {
  const actor = record.actor_id;
  if (actor !== null && typeof actor !== 'string') throw new Error('поле «actor_id» должно быть строкой или null');
  await trx
    .insertInto('audit_log')
    .values({
      id: text(record, 'id'),
      at: number(record, 'at'),
      actor_id: actor,
      actor_login: text(record, 'actor_login'),
      action: text(record, 'action'),
      target: text(record, 'target'),
      detail: text(record, 'detail'),
    })
    .execute();
}

/** A version is its article's state at `updated_at`: the stored copy must say so. */
export async function restoreKbVersionRow(trx: Transaction<DbSchema>, record: Record<string, unknown>): Promise<void> {
  const articleId = text(record, 'article_id');
  const updatedAt = number(record, 'updated_at');
  const data = record.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('нет сохранённой статьи');
  if (data.id !== articleId || data.updatedAt !== updatedAt)
    throw new Error('сохранённая статья не совпадает с версией (id, updatedAt)');
  await sql`
    insert into kb_versions (article_id, updated_at, signed_by, data)
    values (${articleId}, ${updatedAt}::double precision, ${text(record, 'signed_by')}, ${JSON.stringify(data)}::text::jsonb)`.execute(
    trx,
  );
}
