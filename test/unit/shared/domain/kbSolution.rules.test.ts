import { describe, expect, it } from 'vitest';
import { articleSolution, markdownToPlain } from '#shared/domain/kbSolution.ts';

// The part of a KB article that goes into a reply: the section for the client, else the
// solution, else the whole article, as plain text.
const article = (...sections: [string, string][]) => sections.map(([h, text]) => `## ${h}\n\n${text}\n`).join('\n');

describe('the part of an article put into a reply', () => {
  const headings = [
    'Как объяснить клиенту',
    'Как объяснить жителю',
    'Что сказать клиенту',
    'Рекомендации клиенту',
    'Решение',
    'Что делать',
  ];

  it('is the first section present in this order of preference, whatever order the article has', () => {
    for (let i = 0; i < headings.length; i++) {
      const present = headings.slice(i).reverse();
      const body = article(['Симптомы', 'Не открывается.'], ...present.map((h): [string, string] => [h, `Текст «${h}».`]));
      expect(articleSolution(body)).toBe(`Текст «${headings[i]}».`);
    }
  });

  it('finds a heading of any level, in any case, followed by more words', () => {
    expect(articleSolution('# Шлагбаум\n\nА\n\n###### РЕШЕНИЕ проблемы  \n\nПерезагрузить.')).toBe('Перезагрузить.');
    expect(articleSolution('Вступление\r\n#### Что делать\r\nПерезагрузить.\r\n## Ещё\r\nБ')).toBe('Перезагрузить.');
  });

  it('passes over an empty section and a heading without a space after its marks', () => {
    expect(articleSolution(article(['Как объяснить клиенту', '  '], ['Решение', 'Перезагрузить.']))).toBe('Перезагрузить.');
    expect(articleSolution('##Решение\nА\n## Что делать\nБ')).toBe('Б');
    expect(articleSolution('####### Решение\nА')).toBe('####### Решение\nА');
  });

  it('is the whole article when no section is for the client or the solution', () => {
    expect(articleSolution(article(['Симптомы', 'А'], ['Причина', 'Б']))).toBe('Симптомы\n\nА\n\nПричина\n\nБ');
    expect(articleSolution('Просто текст.')).toBe('Просто текст.');
  });
});

describe('an article’s Markdown as plain text', () => {
  it('drops images, tags and the marks of emphasis, code and strike-through, keeping their text', () => {
    expect(
      markdownToPlain('См. ![схема](a.png)[инструкцию](https://x.ru) и <b>это</b>, **жирно**, __тоже__, `код`, ~~старое~~.'),
    ).toBe('См. инструкцию и это, жирно, тоже, код, старое.');
    expect(markdownToPlain('[](https://x.ru)пусто ![](a.png)')).toBe('пусто');
  });

  it('drops heading marks and quote marks at a line’s start only', () => {
    expect(markdownToPlain('# Один\n### Три\n#Нет\nтекст # не заголовок\n> цитата\n>вплотную\nа > б')).toBe(
      'Один\nТри\n#Нет\nтекст # не заголовок\nцитата\nвплотную\nа > б',
    );
  });

  it('writes every list as dashes, keeping its indentation, and a star inside a line as it is', () => {
    expect(markdownToPlain('* один\n+ два\n  * вложенный\n- три\n2 * 3 = 6\n*курсив*')).toBe(
      '- один\n- два\n  - вложенный\n- три\n2 * 3 = 6\n*курсив*',
    );
  });

  it('takes every space after a heading’s or a list item’s mark', () => {
    expect(markdownToPlain('Текст\n##   Заголовок\n*   пункт\n+\tещё')).toBe('Текст\nЗаголовок\n- пункт\n- ещё');
  });

  it('keeps at most one empty line between paragraphs and none around the text', () => {
    expect(markdownToPlain('\n\nА\n\n\n\nБ\n\nВ\n\n')).toBe('А\n\nБ\n\nВ');
  });
});
