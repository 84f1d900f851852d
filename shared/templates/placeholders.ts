/**
 * The placeholders a reply script may use and how a script's body is read: `{{client.name}}`
 * takes a value from the ticket, `{{? срок | Укажите срок решения}}` is a prompt the agent
 * answers (name, then the label shown to them). Whitespace inside the braces is ignored.
 */

export const placeholderNames = [
  'ticket.number',
  'ticket.subject',
  'ticket.priority',
  'ticket.type',
  'ticket.status',
  'client.name',
  'client.organization',
  'client.phone',
  'client.email',
  'site.name',
  'agent.name',
  'agent.phone',
  'sla.due',
  'sla.contactDue',
  'sla.resolveDue',
  'article.title',
  'article.link',
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];

const known: ReadonlySet<string> = new Set(placeholderNames);

export function isPlaceholderName(name: string): name is PlaceholderName {
  return known.has(name);
}

/** Placeholders whose values are instants, written as a Russian deadline phrase. */
export const instantPlaceholders: ReadonlySet<PlaceholderName> = new Set(['sla.due', 'sla.contactDue', 'sla.resolveDue']);

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; raw: string }
  | { kind: 'prompt'; name: string; label: string; raw: string };

// `[^{}]` keeps a stray brace from swallowing the text up to the next placeholder.
const tagPattern = /\{\{([^{}]*)\}\}/g;

/** Splits a script's body into text, value placeholders and prompts, in order. */
export function parseTemplate(body: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of body.matchAll(tagPattern)) {
    const inner = m[1]!.trim();
    const start = m.index;
    if (start > last) parts.push({ kind: 'text', text: body.slice(last, start) });
    last = start + m[0].length;
    if (inner.startsWith('?')) {
      const bar = inner.indexOf('|');
      const name = (bar < 0 ? inner.slice(1) : inner.slice(1, bar)).trim();
      const label = bar < 0 ? '' : inner.slice(bar + 1).trim();
      parts.push({ kind: 'prompt', name, label: label || name, raw: m[0] });
    } else {
      parts.push({ kind: 'value', name: inner, raw: m[0] });
    }
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** The prompts of a body, each name once, in the order they first appear. */
export function promptsOf(body: string): { name: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const p of parseTemplate(body)) if (p.kind === 'prompt' && !seen.has(p.name)) seen.set(p.name, p.label);
  return [...seen].map(([name, label]) => ({ name, label }));
}
