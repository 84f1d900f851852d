import { describe, expect, it } from 'vitest';
import { buildKbIndex, searchKb } from '#shared/search/kbSearch.ts';
import { highlightParts, snippetParts } from '#shared/search/highlight.ts';

const marked = (parts: { text: string; hit: boolean }[]) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

describe('highlightParts', () => {
  it('marks the inflected words whose stem the hit matched, keeping the text whole', () => {
    const title = 'Шлагбаум не открывается по пропуску гостя';
    const index = buildKbIndex([
      { id: 'a', title, body: '', tags: [], product: null, status: 'published', summary: null, editedAt: 1, updatedAt: 1 },
    ]);
    const [hit] = searchKb(index, 'шлагбаума пропуски');
    expect(marked(highlightParts(title, hit!.terms))).toBe('[Шлагбаум] не открывается по [пропуску] гостя');
  });

  it('marks SMS for the query смс (one term in both scripts)', () => {
    expect(marked(highlightParts('Гость не получил SMS', ['sms']))).toBe('Гость не получил [SMS]');
  });

  it('leaves a text without matches as it is', () => {
    expect(highlightParts('Турникет', ['шлагбаум'])).toEqual([{ text: 'Турникет', hit: false }]);
  });
});

describe('snippetParts', () => {
  it('starts a little before the first match of a long text', () => {
    const text = `${'Вступление без дела. '.repeat(20)}Проверьте камеру распознавания.`;
    const snippet = marked(snippetParts(text, ['камер'], 80));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('[камеру]');
  });
});
