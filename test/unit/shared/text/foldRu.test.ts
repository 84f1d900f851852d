import { describe, expect, it } from 'vitest';
import { foldRu } from '#shared/text/foldRu.ts';

describe('the Russian text fold', () => {
  it.each([
    { text: 'ЁЛКИ', folded: 'елки' },
    { text: 'Пётр Семёнов', folded: 'петр семенов' },
    { text: 'Шлагбаум', folded: 'шлагбаум' },
    { text: 'PASS24.Key', folded: 'pass24.key' },
    { text: '  два  пробела ', folded: '  два  пробела ' },
  ])('reads "$text" as "$folded"', ({ text, folded }) => {
    expect(foldRu(text)).toBe(folded);
  });

  it('reads a word with ё and without it alike', () => {
    expect(foldRu('Зелёный')).toBe(foldRu('Зеленый'));
  });
});
