/**
 * Fills a reply script in. One pass over the body: a value is inserted as it is and never read
 * again, so a client named `{{agent.phone}}` or `<script>` stays exactly that text. The result is
 * plain text for a textarea, an e-mail body or the clipboard; nothing here produces markup. A
 * value's own quotation marks are fitted to the script's (quotes.ts): «ЖК „Северный парк“».
 */
import { formatDueRu } from './formatDueRu.ts';
import { instantPlaceholders, isPlaceholderName, parseTemplate } from './placeholders.ts';
import { fitQuotes } from './quotes.ts';

export type TemplateValues = Record<string, string | number | null | undefined>;

export interface RenderOptions {
  now: number;
  /** IANA zone the deadlines are written in (the workspace's calendar zone). */
  timeZone: string;
  /** Prompt name -> the agent's answer. */
  answers?: Record<string, string>;
}

export interface RenderResult {
  text: string;
  /** Known placeholders with no value: left empty in the text. */
  missing: string[];
  /** Placeholders outside the list: left as written. */
  unknown: string[];
  /** Every prompt of the body, each name once (answered or not); an unanswered one is left empty. */
  prompts: { name: string; label: string }[];
}

function valueText(name: string, value: string | number, options: RenderOptions): string {
  if (typeof value === 'number') {
    if (isPlaceholderName(name) && instantPlaceholders.has(name)) return formatDueRu(value, options.now, options.timeZone);
    return String(value);
  }
  return value;
}

export function renderTemplate(body: string, values: TemplateValues, options: RenderOptions): RenderResult {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const prompts = new Map<string, string>();
  let text = '';
  const parts = parseTemplate(body);
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    const fitted = (value: string) => fitQuotes(value, text, next?.kind === 'text' ? next.text : '');
    if (part.kind === 'text') {
      text += part.text;
    } else if (part.kind === 'prompt') {
      if (!prompts.has(part.name)) prompts.set(part.name, part.label);
      text += fitted(options.answers?.[part.name] ?? '');
    } else if (!isPlaceholderName(part.name)) {
      unknown.add(part.name);
      text += part.raw;
    } else {
      const value = values[part.name];
      if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) {
        missing.add(part.name);
      } else {
        text += fitted(valueText(part.name, value, options));
      }
    }
  });
  return {
    text,
    missing: [...missing],
    unknown: [...unknown],
    prompts: [...prompts].map(([name, label]) => ({ name, label })),
  };
}
