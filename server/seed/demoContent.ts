/**
 * Loads the demo knowledge base and reply scripts written as content files:
 * resources/demo/kb/*.md (front matter: title, product, tags; Markdown body) and
 * resources/demo/templates.json ([{title, category, body, channels, phoneBody?, tags?}]); every demo script is shared. Missing files are fine:
 * the seed then has fewer (or no) articles and scripts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channels, products, type Channel, type Product } from '#shared/vocabulary/enums.ts';

export interface ArticleSource {
  slug: string;
  title: string;
  product: Product | null;
  tags: string[];
  body: string;
}

export interface TemplateSource {
  title: string;
  category: string;
  body: string;
  channels: Channel[];
  /** The variant read aloud on a call, if the script has one. */
  phoneBody: string | null;
  /** Situation tags (shared/templates/scriptSituation.ts) and the like. */
  tags: string[];
}

/** resources/demo next to the repo's server/ (also right from electron-vite's out/main/). */
export const defaultDemoDir = fileURLToPath(new URL('../../resources/demo/', import.meta.url));

const productAliases: Record<string, Product> = {
  'pass24.online': 'pass24_online',
  'pass24.key': 'pass24_key',
  'pass24.auto': 'pass24_auto',
  'pass24.admin': 'pass24_admin',
};

function parseProduct(value: string): Product | null {
  const v = value
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if ((products as readonly string[]).includes(v)) return v as Product;
  return productAliases[v] ?? null;
}

function parseList(value: string, continuation: string[]): string[] {
  const inline = value.trim();
  const raw = inline.startsWith('[')
    ? inline.slice(1, inline.lastIndexOf(']')).split(',')
    : inline
      ? inline.split(',')
      : continuation;
  return raw.map((t) => t.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
}

/** Splits `---` front matter (simple `key: value` lines, lists inline or as `- item`) from the body. */
export function parseArticle(slug: string, text: string): ArticleSource | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  const lines = match[1]!.split(/\r?\n/);
  const fields: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  let current = '';
  for (const line of lines) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && current) {
      (lists[current] ??= []).push(item[1]!);
      continue;
    }
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) {
      current = kv[1]!.toLowerCase();
      fields[current] = kv[2]!;
    }
  }
  const title = (fields.title ?? '').trim().replace(/^["']|["']$/g, '');
  const body = match[2]!.trim();
  if (!title || !body) return null;
  return {
    slug,
    title: title.slice(0, 300),
    product: fields.product ? parseProduct(fields.product) : null,
    tags: parseList(fields.tags ?? '', lists.tags ?? [])
      .slice(0, 50)
      .map((t) => t.slice(0, 60)),
    body: body.slice(0, 100000),
  };
}

export function loadArticles(demoDir: string = defaultDemoDir): ArticleSource[] {
  const dir = join(demoDir, 'kb');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticle(f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8')))
    .filter((a): a is ArticleSource => a !== null);
}

export function loadTemplates(demoDir: string = defaultDemoDir): TemplateSource[] {
  const file = join(demoDir, 'templates.json');
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(
      (t): t is Record<string, unknown> =>
        typeof t === 'object' && t !== null && typeof t.title === 'string' && typeof t.body === 'string',
    )
    .map((t) => ({
      title: String(t.title).slice(0, 300),
      category: typeof t.category === 'string' ? t.category.slice(0, 100) : 'Общее',
      body: String(t.body).slice(0, 20000),
      channels: Array.isArray(t.channels)
        ? (t.channels.filter((c) => (channels as readonly unknown[]).includes(c)) as Channel[]).slice(0, 10)
        : [],
      phoneBody: typeof t.phoneBody === 'string' && t.phoneBody.trim() ? t.phoneBody.slice(0, 20000) : null,
      tags: Array.isArray(t.tags)
        ? t.tags
            .filter((x): x is string => typeof x === 'string')
            .map((x) => x.slice(0, 60))
            .slice(0, 50)
        : [],
    }));
}
