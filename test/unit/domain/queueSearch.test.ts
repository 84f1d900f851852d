import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesQuickFilter } from '#shared/domain/queueOrder.ts';
import { buildQueueSearch, filterWithSearch } from '#shared/domain/queueSearch.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { makeTicket } from '../../support/ticketFactory.ts';

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

  it('matches exactly what matchesQuickFilter matches', () => {
    const word = fc.constantFrom('шлаг', 'баум', 'тур', 'ёлки', 'елки', 'СИД', '12', '0000', '«', 'парк', 'р', ' ', 'x');
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')),
        (query) => {
          expect(ids(query)).toEqual(tickets.filter((t) => matchesQuickFilter(t, query)).map((t) => t.id));
        },
      ),
    );
  });
});
