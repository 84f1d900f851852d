/**
 * The benchmark's corpus and queries: 5,000 articles of realistic length made from the demo
 * articles' own paragraphs (each article a demo article's title and body with paragraphs of two
 * others, so the vocabulary and lengths are the knowledge base's), and queries of four kinds.
 */
import { loadArticles } from '../../../server/seed/demoContent.ts';
import type { KbSearchDoc } from '#shared/search/kbSearch.ts';
import { relevanceCases } from '../../unit/shared/search/kbRelevanceCases.ts';

export const demo = loadArticles();

export function demoDocs(): KbSearchDoc[] {
  return demo.map((a) => ({
    id: a.slug,
    title: a.title,
    body: a.body,
    tags: a.tags,
    product: a.product,
    status: 'published',
    summary: null,
    editedAt: 1,
    updatedAt: 1,
  }));
}

export function corpus(size: number): KbSearchDoc[] {
  const paragraphs = demo.flatMap((a) => a.body.split(/\n{2,}/));
  const docs: KbSearchDoc[] = [];
  for (let i = 0; i < size; i++) {
    const a = demo[i % demo.length]!;
    const extra = [paragraphs[(i * 7919) % paragraphs.length]!, paragraphs[(i * 104729) % paragraphs.length]!];
    docs.push({
      id: `a${i}`,
      title: `${a.title} (${Math.floor(i / demo.length) + 1})`,
      body: `${a.body}\n\n${extra.join('\n\n')}`,
      tags: a.tags,
      product: a.product,
      status: 'published',
      summary: null,
      editedAt: 1,
      updatedAt: 1,
    });
  }
  return docs;
}

export const queryKinds = {
  words: ['шлагбаум', 'контроллер', 'пропуск гостя', 'камера распознавания', 'турникет карта', 'смс'],
  phrases: relevanceCases.filter((c) => c.kind === 'missing words' || c.kind === 'inflection').map((c) => c.query),
  prefixes: ['шлагб', 'контрол', 'пропус', 'распозн', 'двухфакт', 'индукц'],
  typos: relevanceCases.filter((c) => c.kind === 'typo').map((c) => c.query),
} as const;
