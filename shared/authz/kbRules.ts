/**
 * Knowledge-base articles (docs/authorization.md): every signed-in account writes and edits them;
 * deleting, archiving or bringing one back is for its author and the head.
 */
import { authorProblem, deleting, fixedAuthorProblem, isHead, restoring } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

export function kbRule(input: RuleInput): Refusal | null {
  const author =
    authorProblem(input, ['createdBy', 'editedBy', 'conflictDraft.editedBy']) ?? fixedAuthorProblem(input, 'createdBy');
  if (author) return author;
  const { stored, pushed } = input;
  const archiving = (stored?.status === 'archived') !== (pushed.status === 'archived') && stored !== null;
  if (deleting(input) || restoring(input) || archiving) {
    const owner = (stored ?? pushed).createdBy;
    if (owner !== input.agentId && !isHead(input)) {
      return {
        code: 'forbidden_action',
        reason: 'Удалить, отправить в архив или вернуть статью может только её автор или руководитель.',
      };
    }
  }
  return null;
}
