/** Small pieces the collection rules share. */
import { jsonEqual } from '../domain/merge.ts';
import { isHeadRole } from '../domain/workflow.ts';
import type { Refusal, RuleDoc, RuleInput } from './ruleTypes.ts';

/** The value at a dotted path (`escalation.decidedBy`), or undefined. */
export function valueAt(doc: RuleDoc | null, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Fields only the endpoint or the transport set: never part of what a rule compares. */
const transportFields = new Set(['updatedAt', '_deleted', '_meta', '_rev', '_attachments']);

/** Top-level fields whose value differs between the stored and the pushed document. */
export function changedFields(stored: RuleDoc | null, pushed: RuleDoc): string[] {
  const keys = new Set([...Object.keys(stored ?? {}), ...Object.keys(pushed)]);
  return [...keys].filter((k) => !transportFields.has(k) && !jsonEqual(stored?.[k], pushed[k]));
}

export const isHead = (input: RuleInput): boolean => isHeadRole(input.role);

/**
 * Author fields name who did something: one that is set or changed by this push names the
 * signed-in account. An unchanged one may name someone else (a merge keeps the later editor).
 * `mayBeEmpty`: '' clears it (a new escalation request clears the previous decision).
 */
export function authorProblem(input: RuleInput, paths: readonly string[], mayBeEmpty: readonly string[] = []): Refusal | null {
  for (const path of paths) {
    const pushed = valueAt(input.pushed, path);
    if (pushed === undefined || pushed === null) continue;
    if (input.stored && jsonEqual(valueAt(input.stored, path), pushed)) continue;
    if (pushed === '' && mayBeEmpty.includes(path)) continue;
    if (pushed !== input.agentId) {
      return {
        code: 'foreign_author',
        reason: `Поле «${path}» называет автором другого сотрудника (${String(pushed)}): изменения записываются от имени вошедшего (${input.agentId}).`,
      };
    }
  }
  return null;
}

/** A field that never changes once stored (who created the document). */
export function fixedAuthorProblem(input: RuleInput, path: string): Refusal | null {
  if (!input.stored || jsonEqual(valueAt(input.stored, path), valueAt(input.pushed, path))) return null;
  return { code: 'foreign_author', reason: `Поле «${path}» (кто создал документ) не изменяется после сохранения.` };
}

export function deleting(input: RuleInput): boolean {
  return Boolean(input.pushed._deleted) && !input.stored?._deleted;
}

export function restoring(input: RuleInput): boolean {
  return Boolean(input.stored?._deleted) && !input.pushed._deleted;
}
