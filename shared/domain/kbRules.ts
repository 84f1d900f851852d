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
  // A comma typed or pasted into an entry separates tags; it never belongs to one («домофон,»).
  for (const raw of tags.flatMap((t) => t.split(','))) {
    const tag = raw.trim().slice(0, 60);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, 50);
}

/** A category as typed: trimmed, at most 80 characters; empty means none. */
export function cleanCategory(category: string | null): string | null {
  const value = (category ?? '').trim().slice(0, 80);
  return value || null;
}

/** Symptoms, one phrase per line as typed: trimmed, deduplicated ignoring case, at most 30. */
export function cleanSymptoms(symptoms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of symptoms) {
    const phrase = raw.trim().replace(/\s+/g, ' ').slice(0, 200);
    const key = phrase.toLowerCase();
    if (!phrase || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out.slice(0, 30);
}

/**
 * Drafts waiting for the head: not sent back, or edited since they were. Oldest edit first, so
 * the longest wait is on top.
 */
export function kbDraftsAwaitingHead<T extends Pick<KbArticle, 'status' | 'returned' | 'editedAt'>>(articles: readonly T[]): T[] {
  return articles
    .filter((a) => a.status === 'draft' && (a.returned === null || a.editedAt > a.returned.at))
    .sort((a, b) => a.editedAt - b.editedAt);
}
