/**
 * Timeline entries (docs/authorization.md): insert-only, written in the signed-in account's name;
 * the head's decisions on an escalation are entered by a head only.
 */
import type { EventKind } from '../vocabulary/enums.ts';
import { jsonEqual } from '../domain/merge.ts';
import { authorProblem, isHead } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

export const headEventKinds: readonly EventKind[] = ['escalation_approved', 'escalation_returned'];

export function eventRule(input: RuleInput): Refusal | null {
  const { stored, pushed } = input;
  if (stored) {
    // The same entry again (a retried push) is fine; anything else would rewrite history.
    if (jsonEqual({ ...stored, updatedAt: 0 }, { ...pushed, updatedAt: 0 })) return null;
    return { code: 'insert_only', reason: 'Записи ленты не изменяются и не удаляются после сохранения.' };
  }
  if (pushed._deleted) return { code: 'insert_only', reason: 'Записи ленты не удаляются.' };
  const author = authorProblem(input, ['authorId']);
  if (author) return author;
  if (pushed.authorId === undefined || pushed.authorId === null) {
    return { code: 'foreign_author', reason: 'У записи ленты нет автора (authorId).' };
  }
  if (headEventKinds.includes(pushed.kind as EventKind) && !isHead(input)) {
    return { code: 'forbidden_action', reason: 'Решение по эскалации заносит в ленту только руководитель.' };
  }
  return null;
}
