import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueueSearch, filterWithSearch } from '../../../../../renderer/src/features/queue/queueSearch.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { foldRu } from '#shared/text/foldRu.ts';
import { makeTicket } from '../../../../support/ticketFactory.ts';

const tickets: Ticket[] = [
  makeTicket({
    id: 'a',
    number: '2026-000123',
    subject: 'Не открывается шлагбаум',
    organizationName: 'УК «Северный парк»',
    siteName: 'ЖК «Ёлки»',
    contact: { name: 'Пётр Сидоров', phone: '+7 912 345-67-89', email: 'petr@sever.ru', messenger: '@petr' },
  }),
  makeTicket({
    id: 'b',
    number: '2026-000124',
    subject: 'Турникет не пускает',
    organizationName: 'ТСН «Лесные дали»',
    siteName: '',
    contact: { name: 'Ольга Сидорова', phone: '', email: '', messenger: '' },
  }),
  makeTicket({
    id: 'c',
    number: null,
    subject: 'Шлагбаум и турникет',
    organizationName: '',
    siteName: 'БЦ «Вектор»',
    contact: { name: '', phone: '+7 900 0000001', email: '', messenger: '' },
  }),
];

/** The definition, ticket by ticket: every word of the query occurs in one of the ticket's fields, case and ё aside. */
function filterOracle(rows: readonly Ticket[], query: string): Ticket[] {
  const words = foldRu(query).split(/\s+/).filter(Boolean);
  return rows.filter((t) => {
    const c = t.contact;
    const fields = [t.number ?? '', t.subject, t.organizationName, t.siteName, c.name, c.phone, c.email, c.messenger].map(foldRu);
    return words.every((w) => fields.some((f) => f.includes(w)));
  });
}

describe('quick filter: the fields it searches', () => {
  const t = makeTicket({
    id: 'q',
    number: '2026-000123',
    subject: 'Не открывается шлагбаум',
    organizationName: 'УК «Северный парк»',
    siteName: 'ЖК «Ёлки»',
    contact: { name: 'Пётр Сидоров', phone: '+7 912 345-67-89', email: 'petr@sever.ru', messenger: '@petr' },
  });
  const cases: Array<{ query: string; matches: boolean }> = [
    { query: '', matches: true },
    { query: '000123', matches: true },
    { query: 'ШЛАГБАУМ', matches: true },
    { query: 'северный', matches: true },
    { query: 'елки', matches: true },
    { query: 'петр', matches: true },
    { query: '345-67', matches: true },
    { query: 'sever.ru', matches: true },
    { query: '@petr', matches: true },
    { query: 'шлагбаум северный', matches: true },
    { query: 'турникет', matches: false },
    { query: 'шлагбаум турникет', matches: false },
  ];
  it.each(cases)('"$query" matches: $matches', ({ query, matches }) => {
    expect(filterWithSearch([t], query, buildQueueSearch([t])).length).toBe(matches ? 1 : 0);
  });
});

describe('quick filter over one joined text', () => {
  const search = buildQueueSearch(tickets);
  const ids = (query: string, rows: readonly Ticket[] = tickets) => filterWithSearch(rows, query, search).map((t) => t.id);

  it.each([
    { query: '', expected: ['a', 'b', 'c'] },
    { query: 'ШЛАГБАУМ', expected: ['a', 'c'] },
    { query: 'шлагбаум турникет', expected: ['c'] },
    { query: 'елки', expected: ['a'] },
    { query: 'сидоров', expected: ['a', 'b'] },
    { query: '000124', expected: ['b'] },
    { query: 'парк лесные', expected: [] },
    { query: 'sever.ru   петр', expected: ['a'] },
  ])('"$query" -> $expected', ({ query, expected }) => {
    expect(ids(query)).toEqual(expected);
  });

  it('keeps the order of the rows given, and tests rows it was not built with one by one', () => {
    const outsider = makeTicket({ id: 'd', subject: 'Шлагбаум у въезда' });
    expect(ids('шлагбаум', [tickets[2]!, outsider, tickets[0]!])).toEqual(['c', 'd', 'a']);
  });

  it('matches exactly what the definition matches, ticket by ticket', () => {
    const word = fc.constantFrom('шлаг', 'баум', 'тур', 'ёлки', 'елки', 'СИД', '12', '0000', '«', 'парк', 'р', ' ', 'x');
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')),
        (query) => {
          expect(ids(query)).toEqual(filterOracle(tickets, query).map((t) => t.id));
        },
      ),
    );
  });
});
