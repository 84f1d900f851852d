/**
 * Restores a backup (server/ops/backup.ts) into an empty workspace, PGlite or PostgreSQL, in one
 * transaction: either everything arrives or nothing. Documents keep their updatedAt, so
 * workstations' checkpoints stay valid. Each document is validated against the shared schema,
 * and a file without its closing `end` line (truncated) is refused. Channel connectors come back
 * disabled (server/ops/channelTables.ts says why). The audit trail and the articles' versions come
 * back as they were (server/ops/historyTables.ts); a file written before they were kept has none.
 * The restore then adds its own entry to that trail, in the same transaction: by the command line
 * (and the system user it runs as), when, which file, and whether its accounts and keys were taken.
 */
import { createReadStream } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { isCollectionName, collectionNames, type CollectionName } from '#shared/protocol.ts';
import { cliActor, recordAudit } from '../admin/auditLog.ts';
import type { Database } from '../db/openDatabase.ts';
import { notifyCollection, upsertDocuments, type WireDocument } from '../replication/collectionWriter.ts';
import { documentValidator } from '../validation/documentValidator.ts';
import { isChannelTable, restoreChannelRow } from './channelTables.ts';
import { restoreAuditRow, restoreKbVersionRow } from './historyTables.ts';
import { backupFormat, backupFormatVersion, type BackupCounts } from './backup.ts';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

type Doc = WireDocument;

export async function isWorkspaceEmpty(database: Database): Promise<boolean> {
  const docs = await database.db.selectFrom('documents').select('id').limit(1).execute();
  const accounts = await database.db.selectFrom('accounts').select('id').limit(1).execute();
  return docs.length === 0 && accounts.length === 0;
}

export interface RestoreOptions {
  /**
   * Take the backup's accounts (with their password hashes) and API keys. Off by default: a file
   * can carry any account with a password its maker knows, so they come in only when told.
   */
  withAccounts?: boolean;
}

const accountsRefused = (lineNo: number) =>
  new RestoreError(
    `Строка ${lineNo}: копия содержит учётные записи или ключи API (с хешами паролей), подлинность которых сервер проверить не может. ` +
      'Если копия ваша и вы ей доверяете, повторите восстановление с параметром --with-accounts.',
  );

export async function restoreBackup(database: Database, file: string, options: RestoreOptions = {}): Promise<BackupCounts> {
  if (!(await isWorkspaceEmpty(database))) {
    throw new RestoreError(
      'Восстановление возможно только в пустое рабочее пространство: укажите новую папку данных или пустую базу.',
    );
  }
  const input = createReadStream(file);
  const reader = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  // The iterator is taken before anything is awaited: readline emits lines as soon as the file is
  // read, and lines emitted before the iterator exists are lost (the header, on a slow BEGIN).
  const iterator = reader[Symbol.asyncIterator]();
  const lines: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const validator = documentValidator();
  const counts: BackupCounts = {
    documents: {},
    accounts: 0,
    apiKeys: 0,
    intakeRefs: 0,
    ticketCounters: 0,
    channelRows: {},
    auditEntries: 0,
    kbVersions: 0,
  };

  await database.db.transaction().execute(async (trx) => {
    let header = false;
    let ended = false;
    let lineNo = 0;
    let batch: Doc[] = [];
    let batchCollection: CollectionName | null = null;
    const flush = async () => {
      if (batchCollection) await upsertDocuments(trx, batchCollection, batch);
      batch = [];
    };
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new RestoreError(`Строка ${lineNo}: не JSON.`);
      }
      if (!header) {
        if (record.format !== backupFormat || record.version !== backupFormatVersion) {
          throw new RestoreError(`Это не резервная копия PASS24 Support Desk версии ${backupFormatVersion}.`);
        }
        header = true;
        continue;
      }
      if (ended) throw new RestoreError(`Строка ${lineNo}: данные после конца копии.`);
      switch (record.type) {
        case 'document': {
          const collection = String(record.collection);
          if (!isCollectionName(collection)) throw new RestoreError(`Строка ${lineNo}: неизвестная коллекция «${collection}».`);
          const doc = record.doc as Doc;
          const check = validator.check(collection, doc);
          if (!check.ok) throw new RestoreError(`Строка ${lineNo} (${collection}/${String(doc?.id)}): ${check.reason}`);
          if (batchCollection !== collection || batch.length >= 1000) {
            await flush();
            batchCollection = collection;
          }
          batch.push(doc);
          counts.documents[collection] = (counts.documents[collection] ?? 0) + 1;
          break;
        }
        case 'ticketCounter':
          await trx
            .insertInto('ticket_counters')
            .values({ year: Number(record.year), last_number: Number(record.last_number) })
            .execute();
          counts.ticketCounters++;
          break;
        case 'intakeRef':
          await trx
            .insertInto('intake_refs')
            .values({
              channel: String(record.channel),
              external_id: String(record.external_id),
              ticket_id: String(record.ticket_id),
              created_at: Number(record.created_at),
            })
            .execute();
          counts.intakeRefs++;
          break;
        case 'account':
          if (!options.withAccounts) throw accountsRefused(lineNo);
          await trx
            .insertInto('accounts')
            .values({
              id: String(record.id),
              login: String(record.login),
              name: String(record.name),
              role: String(record.role),
              password_hash: String(record.password_hash),
              active: Boolean(record.active),
              created_at: Number(record.created_at),
            })
            .execute();
          counts.accounts++;
          break;
        case 'apiKey':
          if (!options.withAccounts) throw accountsRefused(lineNo);
          await trx
            .insertInto('api_keys')
            .values({
              id: String(record.id),
              channel: String(record.channel),
              key_hash: String(record.key_hash),
              created_at: Number(record.created_at),
              revoked_at: record.revoked_at === null ? null : Number(record.revoked_at),
            })
            .execute();
          counts.apiKeys++;
          break;
        case 'channelRow': {
          const table = String(record.table);
          if (!isChannelTable(table)) throw new RestoreError(`Строка ${lineNo}: неизвестная таблица каналов «${table}».`);
          const row = record.row;
          if (typeof row !== 'object' || row === null) throw new RestoreError(`Строка ${lineNo}: нет данных строки.`);
          try {
            await restoreChannelRow(trx, table, row as Record<string, unknown>);
          } catch (error) {
            throw new RestoreError(`Строка ${lineNo} (${table}): ${(error as Error).message}`);
          }
          counts.channelRows[table] = (counts.channelRows[table] ?? 0) + 1;
          break;
        }
        case 'auditEntry':
          try {
            await restoreAuditRow(trx, record);
          } catch (error) {
            throw new RestoreError(`Строка ${lineNo} (журнал действий): ${(error as Error).message}`);
          }
          counts.auditEntries++;
          break;
        case 'kbVersion':
          try {
            await restoreKbVersionRow(trx, record);
          } catch (error) {
            throw new RestoreError(`Строка ${lineNo} (версия статьи): ${(error as Error).message}`);
          }
          counts.kbVersions++;
          break;
        case 'end':
          await flush();
          ended = true;
          break;
        default:
          throw new RestoreError(`Строка ${lineNo}: неизвестный тип записи «${String(record.type)}».`);
      }
    }
    if (!header) throw new RestoreError('Файл пуст.');
    if (!ended) throw new RestoreError('Копия неполная (нет завершающей строки): файл обрезан.');
    await recordAudit(trx, cliActor, {
      action: 'backup.restore',
      target: resolve(file),
      detail: restoreDetail(counts, options.withAccounts === true),
    });
    // Wake the change feeds of servers already running on this database.
    for (const c of collectionNames) {
      if (counts.documents[c]) await notifyCollection(trx, { c, u: Number.MAX_SAFE_INTEGER, i: '' });
    }
  });
  return counts;
}

/** The system account the command runs as, when the machine can say. */
function systemUser(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}

/** The audit entry's sentence: what came back, whether accounts were allowed, and the system user. */
function restoreDetail(counts: BackupCounts, withAccounts: boolean): string {
  const documents = Object.values(counts.documents).reduce((sum, n) => sum + n, 0);
  const accounts = withAccounts
    ? `с учётными записями и ключами API (--with-accounts): учётных записей ${counts.accounts}, ключей API ${counts.apiKeys}`
    : 'без учётных записей и ключей API';
  const user = systemUser();
  return `Документов: ${documents}; ${accounts}.${user ? ` Пользователь системы: ${user}.` : ''}`;
}
