/**
 * Knowledge-base articles (docs/authorization.md): every signed-in account writes drafts and
 * edits articles in its own name; publishing, archiving, sending a draft back with a comment and
 * any other change of status are the head's (shared/domain/kbRules.ts, the same rule the desk
 * offers); deleting or bringing one back from deletion is for its author and the head.
 */
import { mayGiveKbStatus } from '../domain/kbRules.ts';
import type { KbArticle } from '../schema/kbSchema.ts';
import { jsonEqual } from '../domain/merge.ts';
import { authorProblem, deleting, fixedAuthorProblem, isHead, restoring } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

type Status = KbArticle['status'];

export function kbRule(input: RuleInput): Refusal | null {
  const author =
    authorProblem(input, ['createdBy', 'editedBy', 'conflictDraft.editedBy', 'returned.by']) ??
    fixedAuthorProblem(input, 'createdBy');
  if (author) return author;
  const { stored, pushed } = input;
  const from = stored ? (stored.status as Status) : null;
  if (!mayGiveKbStatus(input.role, from, pushed.status as Status)) {
    return {
      code: 'forbidden_action',
      reason:
        from === null
          ? 'Новая статья сохраняется черновиком: опубликовать её может только руководитель.'
          : 'Опубликовать, отправить в архив или вернуть статью в черновики может только руководитель.',
    };
  }
  if (!isHead(input) && !jsonEqual(stored?.returned ?? null, pushed.returned ?? null)) {
    return { code: 'forbidden_action', reason: 'Вернуть черновик автору с комментарием может только руководитель.' };
  }
  if (deleting(input) || restoring(input)) {
    const owner = (stored ?? pushed).createdBy;
    if (owner !== input.agentId && !isHead(input)) {
      return {
        code: 'forbidden_action',
        reason: 'Удалить статью или вернуть удалённую может только её автор или руководитель.',
      };
    }
  }
  return null;
}
