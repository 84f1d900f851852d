/**
 * The part of an article that goes into a reply to the client: the section written for the
 * client if there is one («Как объяснить клиенту»), else the solution («Решение», «Что делать»),
 * else the whole article; as plain text, Markdown marks taken out, lists and lines kept.
 */

/** Section headings, most client-ready first (compared without case). */
const preferred = [
  'как объяснить клиенту',
  'как объяснить жителю',
  'что сказать клиенту',
  'рекомендации клиенту',
  'решение',
  'что делать',
];

interface Section {
  heading: string;
  text: string;
}

function sections(markdown: string): Section[] {
  const out: Section[] = [];
  let current: Section = { heading: '', text: '' };
  for (const line of markdown.split(/\r?\n/)) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      out.push(current);
      current = { heading: h[1]!.trim().toLowerCase(), text: '' };
    } else current.text += `${line}\n`;
  }
  out.push(current);
  return out;
}

/** Markdown to the text a person would type: links to their text, emphasis and code marks gone. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/(\*\*|__|`|~~)/g, '')
    .replace(/^(\s*)[*+]\s+/gm, '$1- ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function articleSolution(body: string): string {
  const all = sections(body);
  for (const name of preferred) {
    const s = all.find((x) => x.heading.startsWith(name) && x.text.trim());
    if (s) return markdownToPlain(s.text);
  }
  return markdownToPlain(body);
}
