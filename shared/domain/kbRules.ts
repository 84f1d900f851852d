/**
 * Who may do what with a knowledge-base article: anyone writes and edits drafts and edits
 * published articles (the edit is signed: editedBy is the writer); only the head of department
 * (or an admin) publishes, archives or brings one back; only the author or the head deletes.
 * The UI offers these moves; the endpoint enforces the same rules.
 */
import type { Role } from '../vocabulary/enums.ts';
import type { KbArticle } from '../schema/kbSchema.ts';

type Status = KbArticle['status'];

const heads: readonly Role[] = ['head', 'admin'];

export function isKbHead(role: Role): boolean {
  return heads.includes(role);
}

/** The status moves offered to this role from this status. */
export function kbStatusMoves(role: Role, from: Status): Status[] {
  if (!isKbHead(role)) return [];
  const all: Status[] = ['draft', 'published', 'archived'];
  return all.filter((s) => s !== from);
}

/** Whether this role may give a new article (or a save) this status. Anyone may write a draft. */
export function mayGiveKbStatus(role: Role, from: Status | null, to: Status): boolean {
  if (from === to) return true;
  if (from === null && to === 'draft') return true;
  return isKbHead(role);
}

export function mayDeleteKb(actor: { id: string; role: Role }, article: Pick<KbArticle, 'createdBy'>): boolean {
  return isKbHead(actor.role) || article.createdBy === actor.id;
}

/** Tags as typed (comma-separated or one per entry): trimmed, deduplicated ignoring case, at most 50. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().slice(0, 60);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, 50);
}
