/**
 * Highlights of a search hit: the words of a text whose index term is one the hit matched, so
 * «шлагбаума» lights up in a title for the query «шлагбаум», whatever the inflection.
 */
import { foldRu } from '../text/foldRu.ts';
import { indexTerm, type StemmerName } from './searchTerms.ts';

export interface TextPart {
  text: string;
  hit: boolean;
}

const wordPattern = /[A-Za-zА-Яа-яЁё0-9]+/g;

/** The text cut into plain and highlighted parts; joined back, the parts are the text. */
export function highlightParts(text: string, terms: readonly string[], stemmer: StemmerName = 'snowball'): TextPart[] {
  if (terms.length === 0) return text ? [{ text, hit: false }] : [];
  const wanted = new Set(terms);
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(wordPattern)) {
    const term = indexTerm(foldRu(m[0]), stemmer);
    if (!term || !wanted.has(term)) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/**
 * A snippet of about `length` characters around the first highlighted word of a plain text,
 * for a result row; the whole start of the text when nothing matched.
 */
export function snippetParts(text: string, terms: readonly string[], length = 160): TextPart[] {
  const parts = highlightParts(text, terms);
  const firstHit = parts.findIndex((p) => p.hit);
  let offset = 0;
  for (let i = 0; i < firstHit; i++) offset += parts[i]!.text.length;
  const start = firstHit < 0 ? 0 : Math.max(0, offset - Math.floor(length / 3));
  const cut = highlightParts(text.slice(start, start + length), terms);
  if (start > 0 && cut[0]) cut[0] = { ...cut[0], text: `…${cut[0].text.replace(/^\S*\s/, '')}` };
  return cut;
}
