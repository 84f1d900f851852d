/** Turns ajv errors into one Russian sentence for the sync-problems list (technical detail kept). */
import type { ErrorObject } from 'ajv';

function field(error: ErrorObject): string {
  const path = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '';
  return path ? `«${path}»` : 'документ';
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `нет обязательного поля «${[error.instancePath.slice(1).replaceAll('/', '.'), p.missingProperty].filter(Boolean).join('.')}»`;
    case 'additionalProperties':
      return `лишнее поле «${[error.instancePath.slice(1).replaceAll('/', '.'), p.additionalProperty].filter(Boolean).join('.')}»`;
    case 'type':
      return `${field(error)}: неверный тип, ожидается ${String(p.type)}`;
    case 'enum':
    case 'const':
      return `${field(error)}: недопустимое значение`;
    case 'maxLength':
      return `${field(error)}: слишком длинный текст (не больше ${String(p.limit)} символов)`;
    case 'maxItems':
      return `${field(error)}: слишком много элементов (не больше ${String(p.limit)})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${field(error)}: число вне допустимого диапазона (${error.message ?? ''})`;
    case 'multipleOf':
      return `${field(error)}: ожидается целое число`;
    case 'format':
      return `${field(error)}: неверный формат (${String(p.format)})`;
    default:
      return `${field(error)}: ${error.message ?? error.keyword}`;
  }
}

export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, subject: string): string {
  const list = (errors ?? []).slice(0, 3).map(describe);
  const more = (errors?.length ?? 0) > 3 ? ` и ещё ${(errors?.length ?? 0) - 3}` : '';
  return `${subject} не соответствует схеме: ${list.join('; ') || 'неизвестная ошибка'}${more}.`;
}
