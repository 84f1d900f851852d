/** A script for a message nobody reads over, at its edges: what counts as a value and where a sentence ends. */
import { describe, expect, it } from 'vitest';
import { withoutMissingValues } from '#shared/channels/automaticScript.ts';

describe('what counts as a value', () => {
  it('reads a placeholder with spaces inside its braces by its name', () => {
    expect(withoutMissingValues('Здравствуйте, {{ client.name }}!', { 'client.name': 'Ирина' })).toBe(
      'Здравствуйте, {{ client.name }}!',
    );
  });

  it('treats a number that is not finite as missing, and zero as a value', () => {
    const body = 'Заявок: {{n}}. Конец.';
    expect(withoutMissingValues(body, { n: Number.NaN })).toBe('Конец.');
    expect(withoutMissingValues(body, { n: Number.POSITIVE_INFINITY })).toBe('Конец.');
    expect(withoutMissingValues(body, { n: 0 })).toBe(body);
  });
});

describe('a greeting that loses only the name', () => {
  it('whether or not a space follows the comma or precedes the mark', () => {
    expect(withoutMissingValues('Здравствуйте,{{client.name}}!', {})).toBe('Здравствуйте!');
    expect(withoutMissingValues('Здравствуйте, {{client.name}} !', {})).toBe('Здравствуйте !');
  });
});

describe('sentences cut from a line', () => {
  it('keeps the sentences around a missing one, joined as written', () => {
    expect(withoutMissingValues('Принято. Объект: {{site.name}}. Ждите звонка. Спасибо', {})).toBe(
      'Принято. Ждите звонка. Спасибо',
    );
  });

  it('keeps a sentence’s several marks, and no trailing spaces on a line that goes on', () => {
    expect(withoutMissingValues('Принято!!  Объект: {{site.name}}.\nДо связи', {})).toBe('Принято!!\nДо связи');
  });

  it('tells ten and more placeholders of one line apart', () => {
    const names = Array.from({ length: 11 }, (_, i) => `v${i}`);
    const values = Object.fromEntries(names.map((n) => [n, 'x']));
    const kept = names.map((n) => `{{${n}}}`).join(' ') + '.';
    expect(withoutMissingValues(`${kept} Объект: {{site.name}}.`, values)).toBe(kept);
  });

  it('keeps a sentence that holds only a placeholder with a value, and drops one that is only marks', () => {
    expect(withoutMissingValues('{{ticket.number}}. {{site.name}}.', { 'ticket.number': '2026-000001' })).toBe(
      '{{ticket.number}}.',
    );
    expect(withoutMissingValues('Принято.\n- {{site.name}}. -', {})).toBe('Принято.');
  });
});

describe('the body left', () => {
  it('starts with text when its first line went', () => {
    expect(withoutMissingValues('{{agent.name}}\n\nПринято.', {})).toBe('Принято.');
  });

  it('leaves no space at the start of a line whose first sentence went', () => {
    expect(withoutMissingValues('Принято.\nОбъект: {{site.name}}. Ждите звонка.', {})).toBe('Принято.\nЖдите звонка.');
  });
});
