/** Client records (docs/authorization.md): every signed-in account keeps them; deletion is the head's. */
import { authorProblem, deleting, isHead, restoring } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

export function clientRule(input: RuleInput): Refusal | null {
  const author = authorProblem(input, ['editedBy']);
  if (author) return author;
  if ((deleting(input) || restoring(input)) && !isHead(input)) {
    return { code: 'forbidden_action', reason: 'Удалить карточку клиента может только руководитель.' };
  }
  return null;
}
