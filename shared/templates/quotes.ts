/**
 * Russian quotation marks for a value set into a script. Names of objects and organisations often
 * carry their own quotes (ЖК «Северный парк»), and scripts often quote a name («{{site.name}}»).
 * Russian typography nests „лапки“ inside «ёлочки», and never doubles a pair around one name:
 *  - a value inside an open «…» has its own «…» (and straight "…") written as „…“;
 *  - a value that is itself wholly quoted, set between « and », loses its own outer pair;
 *  - outside any quotes, paired straight "…" in a value become «…».
 */

const open = '«';
const close = '»';

/** How many «…» are open at the end of `text` (never below zero). */
export function guillemetDepth(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth++;
    else if (ch === close && depth > 0) depth--;
  }
  return depth;
}

/** Paired straight double quotes as «…»; an odd count is left as typed (which pairs is unknowable). */
function straightToGuillemets(value: string): string {
  // Stryker disable next-line ArithmeticOperator: a count two higher has the same parity (a value without quotes is replaced to itself)
  const count = value.split('"').length - 1;
  if (count === 0 || count % 2 !== 0) return value;
  let i = 0;
  // Stryker disable next-line UpdateOperator: counting down alternates between even and odd the same way
  return value.replace(/"/g, () => (i++ % 2 === 0 ? open : close));
}

/** The value is one «…» from its first character to its last (the first « closes at the end). */
function whollyQuoted(value: string): boolean {
  if (value.length < 2 || !value.startsWith(open) || !value.endsWith(close)) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === open) depth++;
    else if (ch === close) depth--;
    if (depth === 0 && i < value.length - 1) return false;
  }
  return depth === 0;
}

/**
 * The value as it should stand between `before` (the text already written) and `after` (the
 * script's text that follows it).
 */
export function fitQuotes(value: string, before: string, after: string): string {
  let text = straightToGuillemets(value);
  if (guillemetDepth(before) === 0) return text;
  if (before.endsWith(open) && after.startsWith(close) && whollyQuoted(text)) text = text.slice(1, -1);
  return text.replaceAll(open, '„').replaceAll(close, '“');
}
