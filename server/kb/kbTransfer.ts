/**
 * `kb export DIR` and `kb import DIR`: the knowledge base as a folder of Markdown files with front
 * matter (kbMarkdown.ts). Export writes every article that is not deleted, drafts and archived
 * ones included (the status is in the file). Import stores each good file as an article in the
 * importer's name through the same writer, schema check and version history as a desk's push; a
 * bad file is refused on its own with the reason and the rest come in. Importing a file again
 * updates its article (same id); an unchanged one is left alone.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { KbArticle } from '#shared/schema/kbSchema.ts';
import { jsonEqual } from '#shared/domain/merge.ts';
import type { Database } from '../db/openDatabase.ts';
import { CollectionWriter, type WireDocument } from '../replication/collectionWriter.ts';
import { recordKbVersions } from '../replication/kbVersions.ts';
import { documentValidator } from '../validation/documentValidator.ts';
import { kbFileName, kbFileText, parseKbFile, type KbFileArticle } from './kbMarkdown.ts';

export interface KbExportResult {
  written: number;
}

export async function exportKb(database: Database, dir: string): Promise<KbExportResult> {
  const db = database.db;
  const { rows } = await sql<{ json: string }>`
    select data::text as json from documents where collection = 'kb' and not deleted order by id`.execute(db);
  const names = new Map((await db.selectFrom('accounts').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
  await mkdir(dir, { recursive: true });
  const taken = new Set<string>();
  for (const row of rows) {
    const article = JSON.parse(row.json) as KbArticle;
    const file = kbFileName(article.title, taken);
    await writeFile(join(dir, file), kbFileText(article, names.get(article.editedBy) ?? article.editedBy), 'utf8');
  }
  return { written: rows.length };
}

export interface KbImportResult {
  /** New articles stored. */
  created: number;
  /** Existing articles changed by their file. */
  updated: number;
  /** Files whose article was already as the file says. */
  unchanged: number;
  /** Files not imported, each with why. */
  refused: Array<{ file: string; reason: string }>;
}

/** The stored document for a file's article, signed by the importer. */
function documentOf(
  file: KbFileArticle,
  stored: WireDocument | undefined,
  signer: string,
  now: number,
): KbArticle & { _deleted: boolean } {
  const before = stored && !stored._deleted ? (stored as unknown as KbArticle) : null;
  return {
    ...file,
    createdAt: before?.createdAt ?? now,
    createdBy: before?.createdBy ?? signer,
    editedAt: now,
    editedBy: signer,
    sourceTicketId: before?.sourceTicketId ?? null,
    conflictDraft: before?.conflictDraft ?? null,
    summary: before?.summary ?? null,
    returned: file.status === 'draft' ? (before?.returned ?? null) : null,
    updatedAt: 0,
    _deleted: false,
  };
}

const contentFields = ['title', 'body', 'product', 'category', 'tags', 'symptoms', 'status'] as const;

export async function importKb(
  database: Database,
  dir: string,
  signer: string,
  now: number = Date.now(),
): Promise<KbImportResult> {
  const result: KbImportResult = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
    .map((e) => e.name)
    .sort();
  const parsed: Array<{ file: string; article: KbFileArticle }> = [];
  const byId = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(join(dir, file), 'utf8');
    } catch (error) {
      result.refused.push({ file, reason: `не читается: ${(error as Error).message}` });
      continue;
    }
    const got = parseKbFile(file, text);
    if (!got.ok) {
      result.refused.push({ file, reason: got.reason });
      continue;
    }
    const twin = byId.get(got.article.id);
    if (twin) {
      result.refused.push({ file, reason: `тот же id «${got.article.id}», что у файла ${twin}: импортирован только первый` });
      continue;
    }
    byId.set(got.article.id, file);
    parsed.push({ file, article: got.article });
  }

  const validator = documentValidator();
  await database.db.transaction().execute(async (trx) => {
    const writer = await CollectionWriter.open(trx, 'kb');
    const stored = await writer.readStored(parsed.map((p) => p.article.id));
    const toWrite: Array<KbArticle & { _deleted: boolean }> = [];
    for (const { file, article } of parsed) {
      const current = stored.get(article.id);
      const doc = documentOf(article, current, signer, now);
      if (current && !current._deleted && contentFields.every((f) => jsonEqual(current[f], doc[f]))) {
        result.unchanged++;
        continue;
      }
      const check = validator.check('kb', doc as unknown as Record<string, unknown>);
      if (!check.ok) {
        result.refused.push({ file, reason: check.reason });
        continue;
      }
      toWrite.push(doc);
      if (current && !current._deleted) result.updated++;
      else result.created++;
    }
    const written = await writer.write(toWrite);
    await recordKbVersions(trx, written, signer);
    await writer.notify();
  });
  result.refused.sort((a, b) => a.file.localeCompare(b.file));
  return result;
}
