/**
 * Reply scripts (docs/authorization.md). A personal script (`ownerId` is its author) is its
 * author's to write and delete; every other script (no owner: shared) is the head's.
 */
import { authorProblem, isHead } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

const ownerOf = (doc: Record<string, unknown> | null): unknown => (doc ? (doc.ownerId ?? null) : null);

export function templateRule(input: RuleInput): Refusal | null {
  const author = authorProblem(input, ['editedBy', 'conflictDraft.editedBy']);
  if (author) return author;
  if (isHead(input)) return null;
  const personal = (input.stored === null || ownerOf(input.stored) === input.agentId) && ownerOf(input.pushed) === input.agentId;
  if (personal) return null;
  return {
    code: 'forbidden_action',
    reason: 'Общие скрипты ответов изменяет руководитель; агент пишет и удаляет только свои личные скрипты.',
  };
}
