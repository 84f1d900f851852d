/**
 * How a word of an article or a query becomes an index term: folded (foldRu), filler words
 * dropped, Russian words stemmed, and the few terms clients write in either script (смс/SMS,
 * кьюар/QR, виганд/Wiegand) brought to one spelling, so a query in one script finds the other.
 */
import { stemmer as snowballRu } from '@orama/stemmers/russian';
import { russianStopWords, stemRu } from './russianStem.ts';

/** Which Russian stemmer the index uses: Snowball (the default) or the light one of ours. */
export type StemmerName = 'snowball' | 'light';

const cyrillic = /[а-я]/;

function stemWith(stemmer: StemmerName, word: string): string {
  if (!cyrillic.test(word)) return word;
  if (stemmer === 'light') return stemRu(word);
  // Snowball cuts short words to a letter or two; a word this short is its own stem.
  return word.length <= 3 ? word : snowballRu(word);
}

/**
 * Groups of one term in several spellings; the first is the one kept. Written as words: they
 * are stemmed like any other word, so every inflection («смски», «эсэмэской») meets too.
 */
const spellings: readonly (readonly string[])[] = [
  // Snowball leaves words without a vowel after the first consonants whole: every form is listed.
  ['sms', 'смс', 'смска', 'смски', 'смску', 'смской', 'смсок', 'смсками', 'эсэмэс', 'эсэмэска', 'эсэмэски'],
  ['qr', 'кьюар', 'куар'],
  ['api', 'апи'],
  ['wiegand', 'виганд'],
  ['wifi', 'вайфай'],
  ['push', 'пуш'],
  ['email', 'емейл', 'имейл', 'мейл'],
  ['nfc', 'нфс', 'энэфси'],
  ['ip', 'айпи'],
  ['id', 'айди'],
  ['android', 'андроид'],
  ['iphone', 'айфон'],
  ['ios', 'айос'],
  ['offline', 'офлайн', 'оффлайн'],
  ['online', 'онлайн'],
  ['bluetooth', 'блютуз', 'блютус'],
];

const canonical = new Map<StemmerName, Map<string, string>>();
function canonicalOf(stemmer: StemmerName): Map<string, string> {
  let table = canonical.get(stemmer);
  // Stryker disable next-line all: a memo; built afresh each time, the table is the same
  if (!table) {
    table = new Map();
    for (const [first, ...rest] of spellings) for (const w of rest) table.set(stemWith(stemmer, w), first!);
    // Stryker disable next-line all: the same memo
    canonical.set(stemmer, table);
  }
  return table;
}

/**
 * Words met before, per stemmer: a text repeats its words, and stemming is most of the cost of
 * indexing. Emptied when it grows past `cacheLimit`, so a long session does not hoard words.
 */
const cache = new Map<StemmerName, Map<string, string | null>>();
const cacheLimit = 100_000;

/** The index term of one folded word, or null for a filler word. */
export function indexTerm(word: string, stemmer: StemmerName = 'snowball'): string | null {
  // Stryker disable all: the memo of words met before only saves work; every answer is the same without it
  let known = cache.get(stemmer);
  if (!known) cache.set(stemmer, (known = new Map()));
  const held = known.get(word);
  if (held !== undefined) return held;
  // Stryker restore all
  let term: string | null = null;
  if (!russianStopWords.has(word)) {
    const stem = stemWith(stemmer, word);
    term = canonicalOf(stemmer).get(stem) ?? stem;
  }
  // Stryker disable all: the same memo
  if (known.size >= cacheLimit) known.clear();
  known.set(word, term);
  // Stryker restore all
  return term;
}
