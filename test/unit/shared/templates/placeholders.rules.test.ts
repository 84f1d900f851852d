import { describe, expect, it } from 'vitest';
import { parseTemplate, promptsOf } from '#shared/templates/placeholders.ts';

describe('how a script’s body is read', () => {
  it('splits text, values and prompts in order, with no empty text between or after them', () => {
    expect(parseTemplate('{{client.name}}{{ ? срок | Укажите срок }}, {{agent.name}}')).toEqual([
      { kind: 'value', name: 'client.name', raw: '{{client.name}}' },
      { kind: 'prompt', name: 'срок', label: 'Укажите срок', raw: '{{ ? срок | Укажите срок }}' },
      { kind: 'text', text: ', ' },
      { kind: 'value', name: 'agent.name', raw: '{{agent.name}}' },
    ]);
  });

  it('keeps the text before the first and after the last placeholder', () => {
    expect(parseTemplate('Здравствуйте, {{client.name}}!')).toEqual([
      { kind: 'text', text: 'Здравствуйте, ' },
      { kind: 'value', name: 'client.name', raw: '{{client.name}}' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('labels a prompt without a label by its name; an empty body has no parts', () => {
    expect(parseTemplate('{{?срок}}')).toEqual([{ kind: 'prompt', name: 'срок', label: 'срок', raw: '{{?срок}}' }]);
    expect(parseTemplate('')).toEqual([]);
  });

  it('lists each prompt once, by its first label', () => {
    expect(promptsOf('{{?срок|Срок}} и снова {{? срок | Другой}} и {{?адрес}}')).toEqual([
      { name: 'срок', label: 'Срок' },
      { name: 'адрес', label: 'адрес' },
    ]);
  });
});
