/**
 * Three-way merge of a document edited on two sides while apart (docs/sync.md, "Conflicts").
 * base = the master state the local change was made on (assumedMasterState), local = our new
 * state, remote = the master state the server holds now.
 *
 * Per field: changed on one side only -> that side wins; changed on both -> the later edit wins
 * (`editedAt`; a tie goes to the server). Nothing typed is lost:
 *  - every ticket edit also writes a timeline event, so the losing value stays in the history;
 *  - a KB article's body, or a reply script's written or phone text, changed on both sides keeps
 *    the server text and saves the local texts as `conflictDraft`, to be merged by hand.
 * Server-owned fields (updatedAt, the ticket number, createdAt) always come from the server.
 * A deletion on either side wins: tickets and events are never deleted from the UI, and a deleted
 * article keeps its text in the tombstone.
 */

type Doc = Record<string, unknown> & { _deleted?: boolean };

/** Structural equality for JSON data (documents are plain JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[]; // an array too, by the line above
    return a.length === bs.length && a.every((v, i) => jsonEqual(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => jsonEqual(ao[k], bo[k]));
}

/** Fields the server owns; the client's value never wins. */
const serverOwned = new Set(['updatedAt', 'number', 'createdAt', '_deleted', '_meta', '_rev', '_attachments']);

export type MergeKind = 'tickets' | 'kb' | 'clients' | 'templates' | 'config' | 'events' | 'agents';

export interface FieldConflict {
  field: string;
  /** The value that lost. */
  lost: unknown;
  /** Which side lost. */
  loser: 'local' | 'remote';
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
}

/**
 * Texts too long to lose to "the later edit wins": changed on both sides, the server's text stays
 * and the local ones (every field of the list, as the local side had them) go to `conflictDraft`.
 */
const draftFields: Partial<Record<MergeKind, readonly string[]>> = {
  kb: ['body'],
  templates: ['body', 'phoneBody'],
};

function editedAt(doc: Doc): number {
  return typeof doc.editedAt === 'number' ? doc.editedAt : 0;
}

interface StatusEntry {
  status: string;
  at: number;
}

/** Union of two status histories (each entry once), in time order. */
function mergeStatusLogs(...logs: unknown[]): StatusEntry[] {
  const seen = new Map<string, StatusEntry>();
  for (const log of logs) {
    if (!Array.isArray(log)) continue;
    for (const e of log as StatusEntry[]) seen.set(`${e.at}:${e.status}`, e);
  }
  return [...seen.values()].sort((a, b) => a.at - b.at || a.status.localeCompare(b.status));
}

export function mergeDocuments<T extends Doc>(kind: MergeKind, base: T | null, local: T, remote: T): MergeResult<T> {
  if (remote._deleted || local._deleted) {
    return { merged: { ...remote, _deleted: true } as T, conflicts: [] };
  }
  const baseDoc: Doc = base ?? {};
  const localWinsTie = editedAt(local) > editedAt(remote);
  const merged: Doc = { ...remote };
  const conflicts: FieldConflict[] = [];
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  const drafted = draftFields[kind] ?? [];
  let needsDraft = false;

  for (const key of keys) {
    if (serverOwned.has(key) || key === 'editedAt' || key === 'editedBy') continue;
    const lv = local[key];
    const rv = remote[key];
    const localChanged = !jsonEqual(baseDoc[key], lv);
    const remoteChanged = !jsonEqual(baseDoc[key], rv);
    if (!localChanged) continue; // remote value (already in merged)
    if (!remoteChanged || jsonEqual(lv, rv)) {
      merged[key] = lv;
      continue;
    }
    // Both sides changed the field to different values.
    if (kind === 'tickets' && key === 'statusLog') {
      merged[key] = mergeStatusLogs(rv, lv);
      continue;
    }
    if (drafted.includes(key)) {
      // The server text stays; ours is kept as a conflict draft.
      merged[key] = rv;
      needsDraft = true;
      conflicts.push({ field: key, lost: lv, loser: 'local' });
      continue;
    }
    if (localWinsTie) {
      merged[key] = lv;
      conflicts.push({ field: key, lost: rv, loser: 'remote' });
    } else {
      conflicts.push({ field: key, lost: lv, loser: 'local' });
    }
  }

  if (needsDraft) {
    const texts = Object.fromEntries(drafted.map((f) => [f, local[f] ?? null]));
    merged.conflictDraft = { ...texts, editedAt: editedAt(local), editedBy: String(local.editedBy ?? '') };
  }

  const later = localWinsTie ? local : remote;
  merged.editedAt = Math.max(editedAt(local), editedAt(remote));
  merged.editedBy = later.editedBy ?? remote.editedBy;

  // Keep a ticket's status and its history consistent after merging them separately.
  if (kind === 'tickets' && Array.isArray(merged.statusLog)) {
    const log = merged.statusLog as StatusEntry[];
    const last = log[log.length - 1];
    if (last && last.status !== merged.status) {
      merged.statusLog = [...log, { status: merged.status as string, at: Math.max(last.at, merged.editedAt as number) }];
    }
  }
  return { merged: merged as T, conflicts };
}
