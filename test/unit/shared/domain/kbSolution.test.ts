import { describe, expect, it } from 'vitest';
import { articleSolution, markdownToPlain } from '#shared/domain/kbSolution.ts';

describe('articleSolution', () => {
  it('takes the section written for the client before the solution', () => {
    const body =
      '## Симптомы\n\nНе открывается.\n\n## Решение\n\n1. Перезагрузить.\n\n## Как объяснить клиенту\n\nМы **перезапустили** контроллер.\n\n## Эскалация\n\nРуководителю.';
    expect(articleSolution(body)).toBe('Мы перезапустили контроллер.');
  });

  it('takes «Решение» when nothing is written for the client', () => {
    expect(articleSolution('## Симптомы\n\nА\n\n## Решение\n\n- шаг [один](https://x.ru)\n- шаг два\n\n## Эскалация\n\nБ')).toBe(
      '- шаг один\n- шаг два',
    );
  });

  it('takes the whole article as plain text when it has no such section', () => {
    expect(articleSolution('# Заголовок\n\nТекст с `кодом` и <b>тегом</b>.')).toBe('Заголовок\n\nТекст с кодом и тегом.');
  });
});

describe('markdownToPlain', () => {
  it('drops images and keeps link text', () => {
    expect(markdownToPlain('См. ![схема](https://x.ru/a.png)[инструкцию](https://x.ru).')).toBe('См. инструкцию.');
  });
});
