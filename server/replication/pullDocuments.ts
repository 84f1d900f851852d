/**
 * Pull: the documents of a collection strictly after a checkpoint, in (updatedAt, id) order.
 * Documents are stored as they travel (with updatedAt and _deleted), so a page is assembled from
 * the stored JSON text without parsing it: `{"documents":[...],"checkpoint":{...}}`.
 */
import { sql, type Kysely } from 'kysely';
import { maxPullLimit, type Checkpoint, type CollectionName } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { invalid } from '../domainErrors.ts';
import { scopeCondition, type PullScope } from './workingSetScope.ts';

export const defaultPullLimit = 100;

export interface PullPage {
  /** The PullResponse as JSON text. */
  json: string;
  count: number;
  checkpoint: Checkpoint | null;
}

/**
 * A page must come from walking the documents_feed index in order, stopping after `limit` rows.
 * The planner only picks that plan when its statistics say many rows follow the checkpoint.
 * Without statistics it guesses a few hundred, reads every row after the checkpoint and sorts
 * them: each page costs the rest of the collection (docs/performance-backend.md). PGlite (a
 * standalone backend: no autovacuum) never has statistics; PostgreSQL lacks them for a while after
 * a burst of writes (a seed, a restore). Turning sorts off for this one statement (SET LOCAL: only
 * inside its transaction) leaves the ordered index scan as the only plan without a sort.
 */
export async function pullDocuments(
  db: Kysely<DbSchema>,
  collection: CollectionName,
  after: Checkpoint | null,
  limit: number,
  /** The working set's scope (tickets and events only); null pulls the whole collection. */
  scope: PullScope | null = null,
): Promise<PullPage> {
  const rows = await db.transaction().execute(async (trx) => {
    await sql`set local enable_sort = off`.execute(trx);
    // A scoped walk from the start hashes the finished tickets (workingSetScope.ts), only if they fit.
    if (scope && !after) await sql`set local work_mem = '64MB'`.execute(trx);
    return sql<{ id: string; updated_at: number; json: string }>`
      select id, updated_at, data::text as json
      from documents d
      where collection = ${collection}
        ${after ? sql`and (updated_at, id) > (${after.updatedAt}::double precision, ${after.id})` : sql``}
        ${scopeCondition(collection, scope, !after)}
      order by updated_at, id
      limit ${limit}`.execute(trx);
  });
  const last = rows.rows.at(-1);
  const checkpoint = last ? { id: last.id, updatedAt: Number(last.updated_at) } : after;
  const docs = rows.rows.map((r) => r.json).join(',');
  return { json: `{"documents":[${docs}],"checkpoint":${JSON.stringify(checkpoint)}}`, count: rows.rows.length, checkpoint };
}

/** The newest checkpoint of a collection (where a new live stream starts), or null when empty. */
export async function headCheckpoint(db: Kysely<DbSchema>, collection: CollectionName): Promise<Checkpoint | null> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'updated_at'])
    .where('collection', '=', collection)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, updatedAt: Number(row.updated_at) } : null;
}

/** Reads `?id=&updatedAt=&limit=`: both checkpoint fields or neither; limit 1.., capped at 1000. */
export function parsePullQuery(query: Record<string, unknown>): { after: Checkpoint | null; limit: number } {
  const { id, updatedAt, limit } = query;
  let after: Checkpoint | null = null;
  const hasId = id !== undefined && id !== '';
  const hasAt = updatedAt !== undefined && updatedAt !== '';
  if (hasId !== hasAt)
    throw invalid('invalid_checkpoint', 'Контрольная точка задаётся двумя параметрами вместе: id и updatedAt.');
  if (hasId) {
    const at = Number(updatedAt);
    if (typeof id !== 'string' || id.length > 40)
      throw invalid('invalid_checkpoint', 'Параметр id контрольной точки должен быть строкой до 40 символов.');
    if (typeof updatedAt !== 'string' || !Number.isFinite(at) || at < 0) {
      throw invalid('invalid_checkpoint', 'Параметр updatedAt контрольной точки должен быть неотрицательным числом.');
    }
    after = { id, updatedAt: at };
  }
  let n = defaultPullLimit;
  if (limit !== undefined && limit !== '') {
    n = Number(limit);
    if (typeof limit !== 'string' || !Number.isInteger(n) || n < 1)
      throw invalid('invalid_limit', 'Параметр limit должен быть целым числом от 1.');
  }
  return { after, limit: Math.min(n, maxPullLimit) };
}
