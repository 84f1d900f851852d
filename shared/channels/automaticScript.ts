/**
 * A script prepared for a message nobody reads over before it leaves (the automatic
 * acknowledgement): what has no value is taken out of the body before it is filled in, so the
 * client never reads «Объект: .» or a signature line left empty. A greeting loses only the name
 * («Здравствуйте, {{client.name}}!» becomes «Здравствуйте!»), a line holding nothing but the
 * placeholder goes, and any other sentence with a placeholder without value (an unanswered
 * prompt, a name outside the list) goes whole. Lines that were blank stay blank.
 */

const tag = /\{\{([^{}]*)\}\}/g;

type Values = Readonly<Record<string, string | number | null | undefined>>;

function hasValue(inner: string, values: Values): boolean {
  const name = inner.trim();
  if (name.startsWith('?')) return false;
  const value = values[name];
  return value !== null && value !== undefined && value !== '' && !(typeof value === 'number' && !Number.isFinite(value));
}

const lacks = (text: string, values: Values): boolean => [...text.matchAll(tag)].some((m) => !hasValue(m[1]!, values));

const sentences = /[^.!?…]+(?:[.!?…]+|$)\s*/g;

function trimLine(line: string, values: Values): string | null {
  if (!lacks(line, values)) return line;
  // «Здравствуйте, {{client.name}}!»: only the address and its comma go.
  const addressed = line.replace(/,\s*\{\{([^{}]*)\}\}(?=\s*[!.?,])/g, (whole, inner: string) =>
    hasValue(inner, values) ? whole : '',
  );
  // Placeholders hold dots of their own ({{ticket.number}}): hidden while the line is cut into sentences.
  const tags: string[] = [];
  const hidden = addressed.replace(tag, (whole) => `\uE000${tags.push(whole) - 1}\uE001`);
  const shown = (s: string) => s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => tags[Number(i)]!);
  const kept = (hidden.match(sentences) ?? [])
    .map(shown)
    .filter((s) => !lacks(s, values))
    .join('');
  const text = kept.replace(/\s+$/, '');
  return /[\p{L}\p{N}]/u.test(text.replace(tag, '')) || /\{\{[^{}]*\}\}/.test(text) ? text : null;
}

export function withoutMissingValues(body: string, values: Values): string {
  return body
    .split('\n')
    .flatMap((line) => {
      const kept = trimLine(line, values);
      return kept === null ? [] : [kept];
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
