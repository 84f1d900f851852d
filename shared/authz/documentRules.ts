/**
 * The endpoint's rules per document (docs/authorization.md): who may write what, judged on the
 * difference between the stored document and the pushed one. Pure: the caller passes the signed-in
 * account, both states and `now`; the answer is allowed, or a refusal the desk lists under sync
 * problems. The ticket rules are the desk's own workflow (shared/domain/workflow.ts).
 */
import type { CollectionName } from '../protocol.ts';
import { clientRule } from './clientRules.ts';
import { configRule } from './configRules.ts';
import { badTextPath, tooDeep, implausibleInstant } from './documentLimits.ts';
import { eventRule } from './eventRules.ts';
import { kbRule } from './kbRules.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';
import { templateRule } from './templateRules.ts';
import { ticketRule } from './ticketRules.ts';

export type { Refusal, RuleInput, RuleDoc } from './ruleTypes.ts';

export type Verdict = { ok: true } | ({ ok: false } & Refusal);

const rules: Record<CollectionName, (input: RuleInput) => Refusal | null> = {
  tickets: ticketRule,
  events: eventRule,
  kb: kbRule,
  templates: templateRule,
  clients: clientRule,
  config: configRule,
  agents: () => ({ code: 'pull_only', reason: 'Справочник сотрудников ведёт сервер: его не изменяют с рабочего места.' }),
};

/** Text and shape first (they are about the document alone), then the collection's rule. */
export function checkDocument(collection: CollectionName, input: RuleInput): Verdict {
  const refusal = documentProblem(collection, input) ?? rules[collection](input);
  return refusal ? { ok: false, ...refusal } : { ok: true };
}

/** A document no rule needs to see: nested too deep, text PostgreSQL cannot store, an instant from far ahead. */
export function documentProblem(collection: CollectionName, input: RuleInput): Refusal | null {
  if (tooDeep(input.pushed)) {
    return { code: 'invalid_document', reason: 'Документ вложен слишком глубоко: допускается не больше 32 уровней.' };
  }
  const bad = badTextPath(input.pushed);
  if (bad !== null) {
    return {
      code: 'invalid_text',
      reason: `Поле «${bad}» содержит символ, который нельзя сохранить (нулевой символ или половина суррогатной пары): удалите его и отправьте снова.`,
    };
  }
  const instant = implausibleInstant(collection, input.stored, input.pushed, input.now);
  if (instant !== null) {
    return {
      code: 'invalid_document',
      reason: `Поле «${instant}» указывает на момент в будущем, дальше суток от часов сервера: проверьте дату.`,
    };
  }
  return null;
}
