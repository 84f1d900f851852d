/**
 * KB articles and reply scripts as documents, from the content files (demoContent.ts). With a
 * scale above 1 each article gets site-specific variants, to reach benchmark volumes (~5,000 at
 * scale 15 with ~170 source articles).
 */
import { createHash } from 'node:crypto';
import type { KbArticle } from '#shared/schema/kbSchema.ts';
import type { ReplyTemplate } from '#shared/schema/templateSchema.ts';
import type { ArticleSource, TemplateSource } from './demoContent.ts';
import type { Prng } from './prng.ts';

const DAY = 24 * 60 * 60 * 1000;
const stableId = (prefix: string, key: string) => `${prefix}-${createHash('sha1').update(key).digest('hex').slice(0, 32)}`;

function summaryOf(body: string): string | null {
  const paragraph = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !p.startsWith('#'));
  return paragraph ? paragraph.replace(/\s+/g, ' ').slice(0, 1000) : null;
}

export function buildArticles(
  sources: ArticleSource[],
  options: { prng: Prng; now: number; scale: number; authors: string[]; siteNames: string[] },
): KbArticle[] {
  const { prng, now, scale } = options;
  const variantsPer = scale > 1 && sources.length > 0 ? Math.max(0, Math.round((333 * scale) / sources.length) - 1) : 0;
  const out: KbArticle[] = [];
  for (const src of sources) {
    const createdAt = now - prng.int(30, 400) * DAY - prng.int(0, DAY);
    const editedAt = Math.min(now - DAY, createdAt + prng.int(0, 200) * DAY);
    const author = prng.pick(options.authors);
    const article: KbArticle = {
      id: stableId('kb', src.slug),
      title: src.title,
      body: src.body,
      product: src.product,
      tags: src.tags,
      category: null,
      symptoms: [],
      status: 'published',
      createdAt,
      createdBy: author,
      editedAt,
      editedBy: author,
      sourceTicketId: null,
      conflictDraft: null,
      summary: summaryOf(src.body),
      returned: null,
      updatedAt: 0,
    };
    out.push(article);
    for (let v = 1; v <= variantsPer; v++) {
      const site = prng.pick(options.siteNames);
      out.push({
        ...article,
        id: stableId('kb', `${src.slug}#${v}`),
        title: `${src.title} — ${site}`.slice(0, 300),
        body: `${src.body}\n\n## Особенности объекта ${site}\n\nНа объекте ${site} действует своя схема проезда (вариант ${v}): уточняйте точки доступа в карточке объекта.`.slice(
          0,
          100000,
        ),
        tags: [...src.tags, 'объект'].slice(0, 50),
      });
    }
  }
  return out;
}

export function buildTemplates(
  sources: TemplateSource[],
  options: { prng: Prng; now: number; authors: string[] },
): ReplyTemplate[] {
  return sources.map((src, i) => ({
    id: stableId('tpl', `${i}:${src.title}`),
    title: src.title,
    category: src.category,
    body: src.body,
    phoneBody: src.phoneBody,
    channels: src.channels,
    tags: src.tags,
    ownerId: null,
    archived: false,
    conflictDraft: null,
    editedAt: options.now - options.prng.int(10, 300) * DAY,
    editedBy: options.prng.pick(options.authors),
    updatedAt: 0,
  }));
}
