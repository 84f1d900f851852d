/** Quotation marks fitted to the script's: the edges of "one «…» around the whole value". */
import { describe, expect, it } from 'vitest';
import { fitQuotes } from '#shared/templates/quotes.ts';

/** The value set between « and », as in «{{site.name}}». */
const betweenGuillemets = (value: string) => fitQuotes(value, 'Объект «', '» подключён');

describe('a value that is one «…» from its first character to its last', () => {
  it('loses its own pair between « and », even when the pair holds nothing', () => {
    expect(betweenGuillemets('«Парк»')).toBe('Парк');
    expect(betweenGuillemets('«»')).toBe('');
  });

  it('keeps a value that is not quoted at all, however short', () => {
    expect(betweenGuillemets('А')).toBe('А');
    expect(betweenGuillemets('')).toBe('');
  });

  it('keeps, nested, a pair that the value never closes at its end', () => {
    // «« opens two pairs and » closes one: the value is not one name in quotes.
    expect(betweenGuillemets('««А»')).toBe('„„А“');
  });

  it('turns every second straight quote into a closing one, not only the first pair', () => {
    expect(fitQuotes('"Север" и "Юг"', 'Объекты: ', '')).toBe('«Север» и «Юг»');
  });
});
