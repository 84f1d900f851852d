import { describe, expect, it } from 'vitest';
import { placeholderNames, promptsOf, renderTemplate } from '#shared/templates/index.ts';

const now = Date.UTC(2026, 2, 10, 7, 0); // Tuesday 10 March 2026, 10:00 Moscow
const options = { now, timeZone: 'Europe/Moscow' };

const values = {
  'ticket.number': '2026-000123',
  'ticket.subject': 'Не открывается шлагбаум',
  'ticket.priority': 'экстренное',
  'ticket.type': 'техническая проблема',
  'ticket.status': 'в работе',
  'client.name': 'Марина',
  'client.organization': 'УК «Северный парк»',
  'client.phone': '+7 900 000-00-00',
  'client.email': 'marina@example.ru',
  'site.name': 'ЖК «Северный парк»',
  'agent.name': 'Анна Смирнова',
  'agent.phone': '+7 495 000-00-24',
  'sla.due': Date.UTC(2026, 2, 10, 11, 30),
  'sla.contactDue': Date.UTC(2026, 2, 10, 7, 15),
  'sla.resolveDue': Date.UTC(2026, 2, 11, 8, 0),
  'article.title': 'Камера не распознаёт номера',
  'article.link': 'https://help.pass24.online/kb/camera',
};

describe('renderTemplate: a script filled in from the ticket', () => {
  it.each([
    ['ticket.number', '2026-000123'],
    ['ticket.subject', 'Не открывается шлагбаум'],
    ['ticket.priority', 'экстренное'],
    ['ticket.type', 'техническая проблема'],
    ['ticket.status', 'в работе'],
    ['client.name', 'Марина'],
    ['client.organization', 'УК «Северный парк»'],
    ['client.phone', '+7 900 000-00-00'],
    ['client.email', 'marina@example.ru'],
    ['site.name', 'ЖК «Северный парк»'],
    ['agent.name', 'Анна Смирнова'],
    ['agent.phone', '+7 495 000-00-24'],
    ['sla.due', 'сегодня до 14:30'],
    ['sla.contactDue', 'сегодня до 10:15'],
    ['sla.resolveDue', 'завтра до 11:00'],
    ['article.title', 'Камера не распознаёт номера'],
    ['article.link', 'https://help.pass24.online/kb/camera'],
  ])('{{%s}} becomes «%s»', (name, expected) => {
    const r = renderTemplate(`[{{${name}}}]`, values, options);
    expect(r).toEqual({ text: `[${expected}]`, missing: [], unknown: [], prompts: [] });
  });

  it('knows exactly the placeholders of the list', () => {
    expect([...placeholderNames].sort()).toEqual(Object.keys(values).sort());
  });

  it('fills a whole demo script', () => {
    const body =
      'Здравствуйте, {{client.name}}!\n\nМы получили ваше обращение «{{ticket.subject}}» и зарегистрировали его под номером {{ticket.number}}. Объект: {{site.name}}.\n\nПлановый срок решения — {{sla.due}}.';
    expect(renderTemplate(body, values, options).text).toBe(
      'Здравствуйте, Марина!\n\nМы получили ваше обращение «Не открывается шлагбаум» и зарегистрировали его под номером 2026-000123. Объект: ЖК «Северный парк».\n\nПлановый срок решения — сегодня до 14:30.',
    );
  });

  it('allows whitespace inside the braces', () => {
    expect(
      renderTemplate('{{ client.name }}, {{\tagent.name\n}}; {{?  срок  |  Укажите срок  }}', values, {
        ...options,
        answers: { срок: 'до пятницы' },
      }),
    ).toEqual({
      text: 'Марина, Анна Смирнова; до пятницы',
      missing: [],
      unknown: [],
      prompts: [{ name: 'срок', label: 'Укажите срок' }],
    });
  });

  it('reports a placeholder outside the list and leaves it as written', () => {
    const r = renderTemplate('Здравствуйте, {{ client.fullName }}! {{Client.Name}} {{}}', values, options);
    expect(r.text).toBe('Здравствуйте, {{ client.fullName }}! {{Client.Name}} {{}}');
    expect(r.unknown).toEqual(['client.fullName', 'Client.Name', '']);
    expect(r.missing).toEqual([]);
  });

  it('reports a placeholder with no value once and leaves it empty', () => {
    const r = renderTemplate(
      '{{agent.phone}}|{{article.link}}|{{agent.phone}}|{{sla.due}}',
      { 'agent.phone': null, 'article.link': '', 'sla.due': undefined },
      options,
    );
    expect(r.text).toBe('|||');
    expect(r.missing).toEqual(['agent.phone', 'article.link', 'sla.due']);
  });

  it('keeps the text plain whatever the values hold: no markup, no second expansion', () => {
    const r = renderTemplate(
      'Здравствуйте, {{client.name}}! Тема: {{ticket.subject}}',
      { 'client.name': '<script>alert(1)</script>', 'ticket.subject': '{{agent.phone}} & &amp; <b>' },
      options,
    );
    expect(r.text).toBe('Здравствуйте, <script>alert(1)</script>! Тема: {{agent.phone}} & &amp; <b>');
    expect(r.missing).toEqual([]);
    expect(r.unknown).toEqual([]);
  });

  it('takes a prompt from the answers, lists every prompt once, leaves an unanswered one empty', () => {
    const body = 'Срок: {{? срок | Укажите срок решения}}. Причина: {{?причина}}. Ещё раз: {{? срок | другая подпись}}.';
    const answered = renderTemplate(body, values, {
      ...options,
      answers: { срок: 'до 18:00 пятницы', причина: 'нет питания <контроллера>' },
    });
    expect(answered.text).toBe('Срок: до 18:00 пятницы. Причина: нет питания <контроллера>. Ещё раз: до 18:00 пятницы.');
    expect(answered.prompts).toEqual([
      { name: 'срок', label: 'Укажите срок решения' },
      { name: 'причина', label: 'причина' },
    ]);
    const unanswered = renderTemplate(body, values, options);
    expect(unanswered.text).toBe('Срок: . Причина: . Ещё раз: .');
    expect(unanswered.missing).toEqual([]);
    expect(promptsOf(body)).toEqual(answered.prompts);
  });

  it('leaves text that only looks like a placeholder alone', () => {
    const body = 'Фигурные скобки {client.name}, {{ незакрытая, } {{client.name}}';
    expect(renderTemplate(body, values, options).text).toBe('Фигурные скобки {client.name}, {{ незакрытая, } Марина');
  });

  it('writes a number given for a text placeholder as it is', () => {
    expect(renderTemplate('№ {{ticket.number}}', { 'ticket.number': 123 }, options).text).toBe('№ 123');
  });

  it('writes a deadline given as text as it is', () => {
    expect(renderTemplate('{{sla.due}}', { 'sla.due': 'в течение часа' }, options).text).toBe('в течение часа');
  });
});
