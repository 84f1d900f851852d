/** Workspace settings (docs/authorization.md): the head's and the admin's; a value is bounded in size. */
import { authorProblem, isHead } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

/** Characters of a setting's value as JSON: far above any calendar or policy, far below a flood. */
export const maxConfigValueChars = 256 * 1024;

export function configRule(input: RuleInput): Refusal | null {
  if (!isHead(input)) {
    return {
      code: 'forbidden_role',
      reason: `Настройки рабочего пространства изменяет руководитель или администратор; ваша роль: ${input.role}.`,
    };
  }
  const author = authorProblem(input, ['editedBy']);
  if (author) return author;
  if (input.pushed._deleted) return { code: 'forbidden_action', reason: 'Настройки не удаляются: измените значение.' };
  if (JSON.stringify(input.pushed.value ?? null).length > maxConfigValueChars) {
    return { code: 'invalid_document', reason: `Значение настройки слишком велико: больше ${maxConfigValueChars} символов.` };
  }
  return null;
}
