/**
 * Push: store a batch of documents from a workstation (docs/sync.md, "Push").
 * Each document is checked on its own (role, schema, conflicts, immutable fields, and the rules
 * of docs/authorization.md: who may make this change); the refused
 * ones are answered in `rejected` or `conflicts`, the rest are stored in one transaction, so the
 * accepted part of a batch is atomic.
 */
import type { Kysely } from 'kysely';
import type { Role } from '#shared/vocabulary/enums.ts';
import { checkDocument } from '#shared/authz/documentRules.ts';
import { jsonEqual } from '#shared/domain/merge.ts';
import { insertOnlyCollections, pullOnlyCollections, pushRoles, type CollectionName, type Rejection } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { invalid } from '../domainErrors.ts';
import { documentValidator, normaliseIncoming } from '../validation/documentValidator.ts';
import { CollectionWriter, type WireDocument } from './collectionWriter.ts';
import { recordKbVersions } from './kbVersions.ts';
import { assignTicketNumbers } from './ticketNumbers.ts';
import { comesBack, resendTimelines } from './timelineReturn.ts';

export const maxPushRows = 1000;

export interface Pusher {
  id: string;
  role: Role;
}

export interface PushResult {
  conflicts: WireDocument[];
  rejected: Rejection[];
  /** Documents stored, as stored (numbers and updatedAt assigned). */
  written: WireDocument[];
}

interface Candidate {
  id: string;
  assumed: Record<string, unknown> | null;
  doc: Record<string, unknown> & { id: string; _deleted: boolean };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shape errors of the request itself (not of one document): the whole request is refused. */
function parseRows(body: unknown): Array<{ assumed: unknown; doc: Record<string, unknown> & { id: string } }> {
  if (!Array.isArray(body)) {
    throw invalid('invalid_request', 'Тело запроса должно быть массивом строк вида {assumedMasterState, newDocumentState}.');
  }
  if (body.length > maxPushRows) {
    throw invalid(
      'batch_too_large',
      `Слишком много документов в одном пакете: ${body.length}, допускается не больше ${maxPushRows}.`,
    );
  }
  return body.map((row, i) => {
    if (!isObject(row) || !isObject(row.newDocumentState)) {
      throw invalid('invalid_request', `Строка ${i + 1} пакета: нужен объект с полем newDocumentState.`);
    }
    const doc = row.newDocumentState;
    if (typeof doc.id !== 'string' || doc.id.length === 0 || doc.id.length > 40) {
      throw invalid('invalid_request', `Строка ${i + 1} пакета: у документа нет id (строка до 40 символов).`);
    }
    if (!('assumedMasterState' in row) || (row.assumedMasterState !== null && !isObject(row.assumedMasterState))) {
      throw invalid('invalid_request', `Строка ${i + 1} пакета: assumedMasterState должен быть объектом или null.`);
    }
    return { assumed: row.assumedMasterState, doc: doc as Record<string, unknown> & { id: string } };
  });
}

/** Same content, ignoring the server-assigned updatedAt (an insert-only document pushed again). */
function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  // Structural: PostgreSQL's jsonb gives nested objects back in its own key order.
  return jsonEqual({ ...a, updatedAt: 0 }, { ...b, updatedAt: 0 });
}

function isConflict(stored: WireDocument, assumed: Record<string, unknown> | null): boolean {
  if (assumed === null) return true;
  return assumed.updatedAt !== stored.updatedAt || Boolean(assumed._deleted) !== Boolean(stored._deleted);
}

export async function pushDocuments(
  db: Kysely<DbSchema>,
  collection: CollectionName,
  body: unknown,
  pusher: Pusher,
): Promise<PushResult> {
  const rows = parseRows(body);
  const rejected: Rejection[] = [];
  const reject = (id: string, code: Rejection['code'], reason: string) => rejected.push({ id, code, reason });

  if (pullOnlyCollections.includes(collection)) {
    for (const { doc } of rows) reject(doc.id, 'pull_only', `Коллекция «${collection}» только для чтения: её ведёт сервер.`);
    return { conflicts: [], rejected, written: [] };
  }
  const allowed = pushRoles[collection];
  if (allowed && !allowed.includes(pusher.role)) {
    for (const { doc } of rows) {
      reject(
        doc.id,
        'forbidden_role',
        `Изменять коллекцию «${collection}» может только ${allowed.join(' или ')}; ваша роль: ${pusher.role}.`,
      );
    }
    return { conflicts: [], rejected, written: [] };
  }

  // Schema checks need no lock: do them before the transaction to keep the lock short.
  const validator = documentValidator();
  const candidates: Candidate[] = [];
  const occurrences = new Map<string, number>();
  for (const { doc } of rows) occurrences.set(doc.id, (occurrences.get(doc.id) ?? 0) + 1);
  for (const { assumed, doc } of rows) {
    // Which of two states of one document would be meant is unknowable: refuse both, store neither.
    if (occurrences.get(doc.id)! > 1) {
      reject(
        doc.id,
        'duplicate',
        `Документ ${doc.id} встречается в пакете несколько раз; ни одно из его состояний не сохранено.`,
      );
      continue;
    }
    const incoming = normaliseIncoming(doc);
    const check = validator.check(collection, incoming);
    if (!check.ok) {
      reject(doc.id, check.code, check.reason);
      continue;
    }
    candidates.push({ id: doc.id, assumed: assumed as Record<string, unknown> | null, doc: incoming as Candidate['doc'] });
  }
  if (candidates.length === 0) return { conflicts: [], rejected, written: [] };

  return db.transaction().execute(async (trx) => {
    const writer = await CollectionWriter.open(trx, collection);
    const stored = await writer.readStored(candidates.map((c) => c.id));
    const conflicts: WireDocument[] = [];
    const toWrite: Candidate['doc'][] = [];
    const returning: string[] = [];
    const insertOnly = insertOnlyCollections.includes(collection);
    // As sent, before the number is filled in (below, in place).
    const asSent = new Map(candidates.map((c) => [c.id, { ...c.doc }]));

    for (const c of candidates) {
      const current = stored.get(c.id);
      if (current && insertOnly) {
        if (!sameContent(current, c.doc))
          reject(c.id, 'insert_only', `Записи коллекции «${collection}» не изменяются после сохранения.`);
        continue; // the same event again (a retried push): already stored, nothing to do
      }
      if (current && isConflict(current, c.assumed)) {
        conflicts.push(current);
        continue;
      }
      if (collection === 'tickets') {
        const problem = ticketImmutability(current ?? null, c.doc);
        if (problem) {
          reject(c.id, problem.code, problem.reason);
          continue;
        }
      }
      // Nothing new (a workstation confirming the state it was just sent): no new version.
      if (current && sameContent(current, c.doc)) continue;
      // Who may make this change (docs/authorization.md), judged on the stored and the pushed state.
      const verdict = checkDocument(collection, {
        role: pusher.role,
        agentId: pusher.id,
        stored: current ?? null,
        pushed: c.doc,
        now: Date.now(),
      });
      if (!verdict.ok) {
        reject(c.id, verdict.code, verdict.reason);
        continue;
      }
      toWrite.push(c.doc);
      if (collection === 'tickets' && comesBack(current, c.doc)) returning.push(c.id);
    }

    if (collection === 'tickets') {
      const unnumbered = toWrite.filter((d) => d.number === null && !d._deleted) as unknown as Array<{
        id: string;
        createdAt: number;
        number: string | null;
      }>;
      await assignTicketNumbers(trx, unnumbered);
    }
    const written = await writer.write(toWrite);
    if (collection === 'kb') await recordKbVersions(trx, written, pusher.id);
    await writer.notify();
    await resendTimelines(trx, returning);
    // A document stored otherwise than it was sent (a new ticket's number, a number the update
    // did not carry yet) goes back as the master state: the workstation takes it at once. Had it
    // to wait for the pull, a stream delivering it while this push was still unanswered would be
    // dropped by RxDB's downstream (a local write pending upstream wins), and the number lost.
    for (const doc of written) {
      const sent = asSent.get(doc.id);
      if (sent && !sameContent(doc, sent)) conflicts.push(doc);
    }
    return { conflicts, rejected, written };
  });
}

/**
 * A ticket's `number` and `createdAt` never change once stored. A number is the server's to give:
 * a new ticket arrives without one. An update that still carries null keeps the stored number
 * (the workstation had not received it yet).
 */
function ticketImmutability(
  stored: WireDocument | null,
  doc: Candidate['doc'],
): { code: Rejection['code']; reason: string } | null {
  if (!stored) {
    if (doc.number !== null)
      return {
        code: 'invalid_document',
        reason: 'Номер обращения присваивает сервер: новое обращение отправляется без номера (number: null).',
      };
    return null;
  }
  if (doc.createdAt !== stored.createdAt) {
    return { code: 'immutable_field', reason: 'Дата создания обращения (createdAt) не изменяется после сохранения на сервере.' };
  }
  if (doc.number === null) {
    doc.number = stored.number;
  } else if (doc.number !== stored.number) {
    return {
      code: 'immutable_field',
      reason: `Номер обращения не изменяется: на сервере ${String(stored.number)}, получено ${String(doc.number)}.`,
    };
  }
  return null;
}
