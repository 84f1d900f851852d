/**
 * The quick filter over many tickets at once: every ticket's search text (lower case, ё as е)
 * joined into one string, built once per data change. A query word is found with `indexOf` over
 * that one string, jumping to the next ticket after each hit, instead of an `includes` per ticket:
 * one scan of one string stays within a keystroke's budget at tens of thousands of tickets.
 *
 * A ticket matches when every word of the query occurs in one of its fields: a query word holds
 * no whitespace and the texts are separated by a character no query word holds, so a word never
 * spans two fields or two tickets.
 */
import { foldRu } from '#shared/text/foldRu.ts';
import type { QueueTicket } from '#shared/domain/queueOrder.ts';

const separator = '\u0000';

export interface QueueSearch<T extends QueueTicket> {
  readonly tickets: readonly T[];
  /** All texts joined by the separator. */
  readonly text: string;
  /** Where each ticket's text starts in `text`; one more entry: the end. */
  readonly starts: Int32Array;
  readonly ordinals: ReadonlyMap<T, number>;
}

const texts = new WeakMap<object, string>();

/** A ticket's searchable text (number, subject, organisation, site, contact), lower case, ё as е. Cached per document. */
export function searchTextOf(ticket: QueueTicket): string {
  let text = texts.get(ticket);
  if (text === undefined) {
    const c = ticket.contact;
    text = foldRu(
      `${ticket.number ?? ''}\n${ticket.subject}\n${ticket.organizationName}\n${ticket.siteName}\n${c.name}\n${c.phone}\n${c.email}\n${c.messenger}`,
    );
    if (text.includes(separator)) text = text.replaceAll(separator, ' ');
    texts.set(ticket, text);
  }
  return text;
}

const ordinalMaps = new WeakMap<readonly object[], ReadonlyMap<object, number>>();

/** Each ticket's position in the array, cached per array (the search and the sort ranks share it). */
export function ticketOrdinals<T extends object>(tickets: readonly T[]): ReadonlyMap<T, number> {
  let map = ordinalMaps.get(tickets) as ReadonlyMap<T, number> | undefined;
  if (!map) {
    map = new Map(tickets.map((t, i) => [t, i]));
    ordinalMaps.set(tickets, map as ReadonlyMap<object, number>);
  }
  return map;
}

export function buildQueueSearch<T extends QueueTicket>(tickets: readonly T[]): QueueSearch<T> {
  const parts: string[] = new Array<string>(tickets.length);
  const starts = new Int32Array(tickets.length + 1);
  let at = 0;
  for (let i = 0; i < tickets.length; i++) {
    const part = searchTextOf(tickets[i]!);
    parts[i] = part;
    starts[i] = at;
    at += part.length + 1;
  }
  const ordinals = ticketOrdinals(tickets);
  starts[tickets.length] = at;
  return { tickets, text: parts.join(separator), starts, ordinals };
}

/** The words of a query as the filter compares them (none: everything matches). */
export function queryWords(query: string): string[] {
  return foldRu(query.replaceAll(separator, ' ')).split(/\s+/).filter(Boolean);
}

/** The ticket whose text holds position `at` (binary search over the starts, from `from` on). */
function ordinalAt(starts: Int32Array, at: number, from: number): number {
  let lo = from;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each ticket (by ordinal), whether every word of the query occurs in its text. */
export function matchingOrdinals(search: QueueSearch<QueueTicket>, words: readonly string[]): Uint8Array {
  const { text, starts } = search;
  const count = search.tickets.length;
  // hits[i]: how many of the words so far ticket i holds; it matches when that is all of them.
  const hits = new Int32Array(count);
  const out = new Uint8Array(count);
  if (count === 0) return out;
  words.forEach((word, w) => {
    let from = 0;
    let ordinal = 0;
    for (;;) {
      const at = text.indexOf(word, from);
      if (at < 0) break;
      ordinal = ordinalAt(starts, at, ordinal);
      if (hits[ordinal] === w) hits[ordinal] = w + 1;
      // One hit per ticket is enough: go on with the next ticket's text.
      from = starts[ordinal + 1]!;
    }
  });
  for (let i = 0; i < count; i++) out[i] = hits[i] === words.length ? 1 : 0;
  return out;
}

/**
 * The rows (any subset of the search's tickets, in any order) that match the query, in their
 * order. Rows not in the search are tested one by one.
 */
export function filterWithSearch<T extends QueueTicket>(rows: readonly T[], query: string, search: QueueSearch<T>): readonly T[] {
  const words = queryWords(query);
  if (words.length === 0) return rows;
  const matches = matchingOrdinals(search as QueueSearch<QueueTicket>, words);
  const ordinals = rowOrdinals(rows, search.ordinals);
  return rows.filter((t, i) => {
    const ordinal = ordinals[i]!;
    if (ordinal >= 0) return matches[ordinal] === 1;
    const text = searchTextOf(t);
    return words.every((w) => text.includes(w));
  });
}

const rowOrdinalCache = new WeakMap<readonly object[], { of: ReadonlyMap<object, number>; ordinals: Int32Array }>();

/**
 * The ordinal of each row in a map of ordinals (-1: not in it), cached per rows array: a view's
 * rows stay the same array while the manager types, so each keystroke reads an array instead of
 * 45,000 map lookups.
 */
export function rowOrdinals<T extends object>(rows: readonly T[], of: ReadonlyMap<T, number>): Int32Array {
  const hit = rowOrdinalCache.get(rows);
  if (hit && hit.of === of) return hit.ordinals;
  const ordinals = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ordinals[i] = of.get(rows[i]!) ?? -1;
  rowOrdinalCache.set(rows, { of: of as ReadonlyMap<object, number>, ordinals });
  return ordinals;
}
