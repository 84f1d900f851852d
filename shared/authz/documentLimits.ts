/**
 * What any stored document must be, whatever its collection: nested no deeper than PostgreSQL and
 * the comparisons can follow, text PostgreSQL can store (no NUL, no half of a surrogate pair: both
 * pass a JSON schema and then fail in jsonb), and no instant from far in the future (a createdAt
 * of 1e15 would number a ticket in the year 33658).
 */
import type { CollectionName } from '../protocol.ts';
import { jsonEqual } from '../domain/merge.ts';
import { valueAt } from './ruleHelpers.ts';
import type { RuleDoc } from './ruleTypes.ts';

export const maxDocumentDepth = 32;

/** How far ahead of the endpoint's clock a desk's instant may be (clocks are server-corrected). */
export const instantLeewayMs = 24 * 60 * 60 * 1000;

/** True when the value nests objects or arrays deeper than `limit` levels (stops counting there). */
export function tooDeep(value: unknown, limit: number = maxDocumentDepth): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit <= 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => tooDeep(child, limit - 1));
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string cannot be stored as PostgreSQL text or jsonb: a NUL or a lone surrogate. */
export function isBadText(s: string): boolean {
  return s.includes('\u0000') || loneSurrogate.test(s);
}

/** The dotted path of the first string (value or key) that cannot be stored, or null. */
export function badTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isBadText(value) ? path || '(значение)' : null;
  if (typeof value !== 'object' || value === null) return null;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (isBadText(key)) return childPath;
    const found = badTextPath(child, childPath);
    if (found !== null) return found;
  }
  return null;
}

/** Instants a desk sets (due instants are computed and may be "never": they are not here). */
const instantPaths: Partial<Record<CollectionName, readonly string[]>> = {
  tickets: [
    'createdAt',
    'editedAt',
    'firstContactAt',
    'resolvedAt',
    'closedAt',
    'escalation.requestedAt',
    'escalation.decidedAt',
    'confirmation.confirmedAt',
  ],
  events: ['at'],
  kb: ['createdAt', 'editedAt', 'conflictDraft.editedAt', 'returned.at'],
  templates: ['editedAt', 'conflictDraft.editedAt'],
  clients: ['editedAt'],
  config: ['editedAt'],
};

/** The first instant this push sets beyond `now` plus the leeway, or null. Unchanged values pass. */
export function implausibleInstant(
  collection: CollectionName,
  stored: RuleDoc | null,
  pushed: RuleDoc,
  now: number,
): string | null {
  const limit = now + instantLeewayMs;
  for (const path of instantPaths[collection] ?? []) {
    const value = valueAt(pushed, path);
    if (typeof value !== 'number' || value <= limit) continue;
    if (stored && jsonEqual(valueAt(stored, path), value)) continue;
    return path;
  }
  if (collection === 'tickets' && Array.isArray(pushed.statusLog)) {
    const before = new Set((Array.isArray(stored?.statusLog) ? stored.statusLog : []).map((e) => JSON.stringify(e)));
    for (const entry of pushed.statusLog as Array<{ at?: unknown }>) {
      if (typeof entry?.at === 'number' && entry.at > limit && !before.has(JSON.stringify(entry))) return 'statusLog.at';
    }
  }
  return null;
}
