import { describe, expect, it } from 'vitest';
import { indexTerm, type StemmerName } from '#shared/search/searchTerms.ts';
import { stemRu } from '#shared/search/russianStem.ts';

// A term clients write in either script meets its other spelling, in every inflection.
const spellings: readonly [string, readonly string[]][] = [
  ['sms', ['смс', 'смска', 'смски', 'смску', 'смской', 'смсок', 'смсками', 'эсэмэс', 'эсэмэска', 'эсэмэски']],
  ['qr', ['кьюар', 'куар']],
  ['api', ['апи']],
  ['wiegand', ['виганд']],
  ['wifi', ['вайфай']],
  ['push', ['пуш']],
  ['email', ['емейл', 'имейл', 'мейл']],
  ['nfc', ['нфс', 'энэфси']],
  ['ip', ['айпи']],
  ['id', ['айди']],
  ['android', ['андроид']],
  ['iphone', ['айфон']],
  ['ios', ['айос']],
  ['offline', ['офлайн', 'оффлайн']],
  ['online', ['онлайн']],
  ['bluetooth', ['блютуз', 'блютус']],
];

describe.each(['snowball', 'light'] as StemmerName[])('index terms with the %s stemmer', (stemmer) => {
  it.each(spellings)('%s is also written %j', (first, others) => {
    expect(others.map((w) => indexTerm(w, stemmer))).toEqual(others.map(() => first));
    expect(indexTerm(first, stemmer)).toBe(first);
  });

  it('drops filler words', () => {
    expect(['и', 'не', 'что'].map((w) => indexTerm(w, stemmer))).toEqual([null, null, null]);
  });

  it('leaves a word without Cyrillic letters as it is', () => {
    expect(indexTerm('controllers', stemmer)).toBe('controllers');
    expect(indexTerm('2026', stemmer)).toBe('2026');
  });
});

describe('the stems', () => {
  it('Snowball brings the forms of a word to one stem, and keeps a word of three letters whole', () => {
    expect(['шлагбаума', 'шлагбаумом', 'шлагбаумы'].map((w) => indexTerm(w))).toEqual(['шлагбаум', 'шлагбаум', 'шлагбаум']);
    expect(indexTerm('дом')).toBe('дом');
    expect(indexTerm('еда')).toBe('еда');
    expect(indexTerm('домом')).toBe('дом');
  });

  it('the light stemmer is our own', () => {
    expect(indexTerm('турникетов', 'light')).toBe(stemRu('турникетов'));
    expect([indexTerm('сети', 'light'), indexTerm('сети')]).toEqual(['сети', 'сет']);
  });
});
