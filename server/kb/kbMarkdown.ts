/**
 * An article as a Markdown file with YAML front matter, and back: what `kb export` writes and
 * `kb import` reads, so the base can be reviewed outside the app and existing instructions can
 * come in. YAML is read and written by the `yaml` library (quoting, lists, multi-line values
 * done right); a file that does not make an article is refused with the reason, in Russian.
 */
import { createHash } from 'node:crypto';
import { parse, stringify, YAMLParseError } from 'yaml';
import { cleanCategory, cleanSymptoms, cleanTags } from '#shared/domain/kbRules.ts';
import { kbStatuses, type KbArticle } from '#shared/schema/kbSchema.ts';
import { products, type Product } from '#shared/vocabulary/enums.ts';

/** What a file holds: the article's own fields (who and when are the importer's). */
export interface KbFileArticle {
  id: string;
  title: string;
  body: string;
  product: Product | null;
  category: string | null;
  tags: string[];
  symptoms: string[];
  status: KbArticle['status'];
}

export type KbFileParse = { ok: true; article: KbFileArticle } | { ok: false; reason: string };

// The closing fence is a line of its own: a «---» inside a value does not end the front matter.
const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n([\s\S]*))?$/;
const productAliases: Record<string, Product> = {
  'pass24.online': 'pass24_online',
  'pass24.key': 'pass24_key',
  'pass24.auto': 'pass24_auto',
  'pass24.admin': 'pass24_admin',
};
const idPattern = /^[A-Za-z0-9_-]{1,40}$/;

/** The id of a file that names none: stable per file name, so importing it again updates it. */
export function idForFile(fileName: string): string {
  return `kb-${createHash('sha1').update(fileName).digest('hex').slice(0, 32)}`;
}

function stringList(value: unknown, field: string): string[] | string {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',');
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
    return `поле «${field}» должно быть списком строк`;
  }
  return value.map(String);
}

/** Reads one file; `fileName` gives the id when the front matter has none. */
export function parseKbFile(fileName: string, text: string): KbFileParse {
  const match = frontMatter.exec(text);
  if (!match)
    return { ok: false, reason: 'нет front matter: файл должен начинаться со строки «---», затем поля YAML и снова «---»' };
  let meta: unknown;
  try {
    meta = parse(match[1]!);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0].line;
      return {
        ok: false,
        reason: `ошибка YAML в front matter${line ? ` (строка ${line + 1} файла)` : ''}: ${error.message.split('\n')[0]}`,
      };
    }
    throw error;
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return { ok: false, reason: 'front matter должен быть набором полей «ключ: значение»' };
  }
  const m = meta as Record<string, unknown>;
  const title = typeof m.title === 'string' || typeof m.title === 'number' ? String(m.title).trim() : '';
  if (!title) return { ok: false, reason: 'нет заголовка (поле «title»)' };
  if (title.length > 300) return { ok: false, reason: `заголовок длиннее 300 символов (${title.length})` };
  // One blank line after the fence and the file's final line break are the file's, not the text's
  // (kbFileText writes exactly those), so an exported text comes back byte for byte.
  const body = (match[2] ?? '').replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  if (!body.trim()) return { ok: false, reason: 'нет текста статьи после front matter' };
  if (body.length > 100000) return { ok: false, reason: `текст длиннее 100 000 символов (${body.length})` };

  let product: Product | null = null;
  if (m.product !== undefined && m.product !== null && m.product !== '') {
    const p = String(m.product).trim().toLowerCase();
    product = (products as readonly string[]).includes(p) ? (p as Product) : (productAliases[p] ?? null);
    if (!product) {
      return {
        ok: false,
        reason: `неизвестный продукт «${String(m.product)}»: допустимы ${products.join(', ')} или пусто (для всех)`,
      };
    }
  }
  const status = m.status === undefined || m.status === null ? 'published' : String(m.status);
  if (!(kbStatuses as readonly string[]).includes(status)) {
    return { ok: false, reason: `неизвестный статус «${status}»: допустимы ${kbStatuses.join(', ')}` };
  }
  const tags = stringList(m.tags, 'tags');
  if (typeof tags === 'string') return { ok: false, reason: tags };
  const symptoms = stringList(m.symptoms, 'symptoms');
  if (typeof symptoms === 'string') return { ok: false, reason: symptoms };
  if (m.category !== undefined && m.category !== null && typeof m.category !== 'string') {
    return { ok: false, reason: 'поле «category» должно быть строкой' };
  }
  let id = idForFile(fileName);
  if (m.id !== undefined && m.id !== null) {
    if (typeof m.id !== 'string' || !idPattern.test(m.id)) {
      return { ok: false, reason: 'поле «id»: до 40 латинских букв, цифр, «-» или «_»' };
    }
    id = m.id;
  }
  return {
    ok: true,
    article: {
      id,
      title,
      body,
      product,
      category: cleanCategory((m.category as string | null | undefined) ?? null),
      tags: cleanTags(tags),
      symptoms: cleanSymptoms(symptoms),
      status: status as KbArticle['status'],
    },
  };
}

/**
 * The file of an article. `edited` and `editedBy` are for the reader outside the app; import
 * ignores them (the importer signs what it stores).
 */
export function kbFileText(article: KbArticle, editorName: string): string {
  const meta: Record<string, unknown> = {
    id: article.id,
    title: article.title,
    product: article.product,
    category: article.category,
    status: article.status,
    tags: article.tags,
    symptoms: article.symptoms,
    edited: new Date(article.editedAt).toISOString(),
    editedBy: editorName,
  };
  return `---\n${stringify(meta, { lineWidth: 0 })}---\n\n${article.body}\n`;
}

const translit: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:h ц:c ч:ch ш:sh щ:sch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** A readable file name from the title (Latin letters), unique in `taken`. */
export function kbFileName(title: string, taken: Set<string>): string {
  const base =
    [...title.toLowerCase()]
      .map((ch) => translit[ch] ?? ch)
      .join('')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'article';
  let name = `${base}.md`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`;
  taken.add(name);
  return name;
}
