import { describe, expect, it } from 'vitest';
import { highlightParts, snippetParts } from '#shared/search/highlight.ts';
import { indexTerm } from '#shared/search/searchTerms.ts';

const term = (word: string) => indexTerm(word)!;

describe('the highlighted parts of a text', () => {
  it('light every word whose index term was matched, ё read as е, with no empty part between or after them', () => {
    expect(highlightParts('Ёлка у шлагбаума шлагбаум', [term('елка'), term('шлагбаум')])).toEqual([
      { text: 'Ёлка', hit: true },
      { text: ' у ', hit: false },
      { text: 'шлагбаума', hit: true },
      { text: ' ', hit: false },
      { text: 'шлагбаум', hit: true },
    ]);
  });

  it('never light a filler word; an empty text has no parts', () => {
    expect(highlightParts('и и', ['и'])).toEqual([{ text: 'и и', hit: false }]);
    expect(highlightParts('', [])).toEqual([]);
    expect(highlightParts('Турникет', [])).toEqual([{ text: 'Турникет', hit: false }]);
    expect(highlightParts('', ['a'])).toEqual([]);
  });
});

describe('the snippet of a result row', () => {
  const text = 'Раз два три четыре пять шесть семь камера восемь девять';

  it('starts a third of its length before the first lit word, from a whole word, marked as cut', () => {
    // «камера» begins at 35: the 30 characters from 25 are «есть семь камера восемь девять».
    expect(snippetParts(text, [term('камера')], 30)).toEqual([
      { text: '…семь ', hit: false },
      { text: 'камера', hit: true },
      { text: ' восемь девять', hit: false },
    ]);
  });

  it('is the start of the text when nothing is lit, or when the lit word is near the start', () => {
    expect(snippetParts(text, ['нет'], 30)).toEqual([{ text: 'Раз два три четыре пять шесть ', hit: false }]);
    expect(snippetParts('камера и ещё текст', [term('камера')], 30)).toEqual([
      { text: 'камера', hit: true },
      { text: ' и ещё текст', hit: false },
    ]);
  });

  it('is 160 characters long unless told otherwise', () => {
    const long = `${'x'.repeat(10)} ${'слово '.repeat(40)}камера`;
    const parts = snippetParts(long, [term('камера')]);
    expect(parts.map((p) => p.text).join('')).toBe(`…${'слово '.repeat(8)}камера`);
  });
});
