/**
 * The history of knowledge-base articles: every state the endpoint stores (a desk's push, an
 * import) is kept with the account that stored it, so earlier versions can be read and the head
 * can bring one back as a new version. Written in the storing transaction, so a version exists
 * exactly when its state was committed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { KbArticle } from '#shared/schema/kbSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import type { WireDocument } from './collectionWriter.ts';

export interface KbVersion {
  /** The state's updatedAt: identifies the version. */
  updatedAt: number;
  signedBy: string;
  article: KbArticle & { _deleted: boolean };
}

/** Keeps each stored state of an article as a version, in the same transaction. */
export async function recordKbVersions(
  trx: Transaction<DbSchema>,
  docs: readonly WireDocument[],
  signedBy: string,
): Promise<void> {
  if (docs.length === 0) return;
  await sql`
    insert into kb_versions (article_id, updated_at, signed_by, data)
    select e->>'id', (e->>'updatedAt')::double precision, ${signedBy}, e
    from jsonb_array_elements(${JSON.stringify(docs)}::text::jsonb) as e
    on conflict (article_id, updated_at) do nothing`.execute(trx);
}

/** An article's versions, newest first (at most `limit`). */
export async function listKbVersions(db: Kysely<DbSchema>, articleId: string, limit = 100): Promise<KbVersion[]> {
  const { rows } = await sql<{ updated_at: number; signed_by: string; json: string }>`
    select updated_at, signed_by, data::text as json from kb_versions
    where article_id = ${articleId} order by updated_at desc limit ${limit}`.execute(db);
  return rows.map((r) => ({
    updatedAt: Number(r.updated_at),
    signedBy: r.signed_by,
    article: JSON.parse(r.json) as KbVersion['article'],
  }));
}
