/** A script for a message nobody reads over: what has no value is taken out, never shown empty or raw. */
import { describe, expect, it } from 'vitest';
import { withoutMissingValues } from '#shared/channels/automaticScript.ts';

const acknowledgement =
  'Здравствуйте, {{client.name}}!\n\nМы получили ваше обращение «{{ticket.subject}}» и зарегистрировали его под номером {{ticket.number}}. Объект: {{site.name}}.\n\nС уважением,\n{{agent.name}}\nТехническая поддержка PASS24';

describe('a script prepared for an automatic message', () => {
  it('keeps the body as written when every placeholder has a value', () => {
    const values = {
      'client.name': 'Ирина',
      'ticket.subject': 'Шлагбаум',
      'ticket.number': '2026-000001',
      'site.name': 'ЖК «Север»',
      'agent.name': 'Анна',
    };
    expect(withoutMissingValues(acknowledgement, values)).toBe(acknowledgement);
  });

  it('drops the name from the greeting, the sentence about a missing site and an empty signature line', () => {
    const values = { 'client.name': null, 'ticket.subject': 'Шлагбаум', 'ticket.number': '2026-000001', 'site.name': '' };
    expect(withoutMissingValues(acknowledgement, values)).toBe(
      'Здравствуйте!\n\nМы получили ваше обращение «{{ticket.subject}}» и зарегистрировали его под номером {{ticket.number}}.\n\nС уважением,\nТехническая поддержка PASS24',
    );
  });

  it('treats an unanswered prompt and a name outside the list as missing', () => {
    const body = 'Срок: {{? срок | Укажите срок}}. Код: {{ticket.code}}. Номер {{ticket.number}}.';
    expect(withoutMissingValues(body, { 'ticket.number': '2026-000002' })).toBe('Номер {{ticket.number}}.');
  });

  it('keeps blank lines between paragraphs but never more than one in a row', () => {
    expect(withoutMissingValues('Один.\n\n{{agent.name}}\n\nДва.', {})).toBe('Один.\n\nДва.');
  });

  it('keeps a zero as a value', () => {
    expect(withoutMissingValues('Осталось {{sla.due}}.', { 'sla.due': 0 })).toBe('Осталось {{sla.due}}.');
  });
});
