/**
 * Possible repeats (повторные обращения) of a ticket being registered: earlier tickets of the same
 * organisation or site, created in the last 30 days, whose text shares the problem's words.
 * Pure and scored, so the intake form only renders what this returns.
 */
import type { Ticket } from '../schema/ticketSchema.ts';
import { russianStopWords, stemRu, words } from '../search/russianStem.ts';

export const repeatWindowMs = 30 * 24 * 60 * 60 * 1000;

/** What the intake form knows while the manager types. */
export interface RepeatDraft {
  clientId: string | null;
  siteId: string | null;
  organizationName: string;
  subject: string;
  description: string;
}

export type RepeatCandidate = Pick<
  Ticket,
  'id' | 'number' | 'subject' | 'description' | 'clientId' | 'siteId' | 'organizationName' | 'siteName' | 'status' | 'createdAt'
>;

export interface RepeatSuggestion {
  ticketId: string;
  score: number;
  sameSite: boolean;
  /** Stems the draft shares with the earlier ticket. */
  sharedTerms: string[];
}

export interface RepeatOptions {
  now: number;
  limit?: number;
  /** Share of the draft's words the earlier ticket must contain. */
  minCoverage?: number;
}

/** Problem words of a text: stems of 3+ letters, without filler words. */
export function problemTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 3 || russianStopWords.has(w)) continue;
    out.add(stemRu(w));
  }
  return out;
}

const sameName = (a: string, b: string) => a.trim().length > 0 && a.trim().toLowerCase() === b.trim().toLowerCase();

function sameOrganization(draft: RepeatDraft, t: RepeatCandidate): boolean {
  if (draft.clientId && t.clientId) return draft.clientId === t.clientId;
  return sameName(draft.organizationName, t.organizationName);
}

export function suggestRepeats(
  draft: RepeatDraft,
  candidates: readonly RepeatCandidate[],
  options: RepeatOptions,
): RepeatSuggestion[] {
  const { now, limit = 5, minCoverage = 0.4 } = options;
  const subjectTerms = problemTerms(draft.subject);
  const draftTerms = new Set([...subjectTerms, ...problemTerms(draft.description)]);
  if (draftTerms.size === 0) return [];
  const out: RepeatSuggestion[] = [];
  for (const t of candidates) {
    const age = now - t.createdAt;
    if (age < 0 || age > repeatWindowMs) continue;
    const sameSite = draft.siteId !== null && draft.siteId === t.siteId;
    if (!sameSite && !sameOrganization(draft, t)) continue;
    const theirs = new Set([...problemTerms(t.subject), ...problemTerms(t.description)]);
    const shared = [...draftTerms].filter((term) => theirs.has(term));
    // One shared word is a match only when the draft has just one word so far.
    if (shared.length < Math.min(2, draftTerms.size)) continue;
    const coverage = shared.length / draftTerms.size;
    if (coverage < minCoverage) continue;
    const subjectHits = shared.filter((term) => subjectTerms.has(term)).length;
    const subjectBonus = subjectTerms.size > 0 ? 0.2 * (subjectHits / subjectTerms.size) : 0;
    const recency = 0.1 * (1 - age / repeatWindowMs);
    const score = coverage + subjectBonus + (sameSite ? 0.15 : 0) + recency;
    out.push({ ticketId: t.id, score: Math.round(score * 1000) / 1000, sameSite, sharedTerms: shared });
  }
  return out.sort((a, b) => b.score - a.score || a.ticketId.localeCompare(b.ticketId)).slice(0, limit);
}
