/** Client records (docs/authorization.md): every signed-in account keeps them; deletion is the head's. */
import { jsonEqual } from '../domain/merge.ts';
import { authorProblem, deleting, isHead, restoring } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

export function clientRule(input: RuleInput): Refusal | null {
  const author = authorProblem(input, ['editedBy']);
  if (author) return author;
  if ((deleting(input) || restoring(input)) && !isHead(input)) {
    return { code: 'forbidden_action', reason: 'Удалить карточку клиента может только руководитель.' };
  }
  // The link decides where the CRM's comments go: only the endpoint's directory sync sets it.
  if (!jsonEqual(input.stored?.crm ?? null, input.pushed.crm ?? null)) {
    return { code: 'forbidden_action', reason: 'Связь карточки с компанией в CRM ставит только синхронизация с CRM.' };
  }
  return null;
}
