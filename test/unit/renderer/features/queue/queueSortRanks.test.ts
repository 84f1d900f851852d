import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  queueSortColumns,
  sortKeyOf,
  type QueueSort,
  type QueueSortColumn,
  type QueueTicket,
} from '#shared/domain/queueOrder.ts';
import { buildSortRanks, sortRowsByRanks } from '../../../../../renderer/src/features/queue/queueSortRanks.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { agent, makeTicket, monday10, otherAgent } from '../../../../support/ticketFactory.ts';

const names: Record<string, string> = { a1: 'Анна', a2: 'игорь', a3: 'Игорь', a4: '' };
const agentName = (id: string) => names[id] ?? '';

const ticketArb = fc.record({
  number: fc.option(fc.constantFrom('2026-000001', '2026-000002', '2026-000010'), { nil: null }),
  subject: fc.constantFrom('Шлагбаум', 'шлагбаум', 'Турникет', 'ёлка', 'Елка', 'camera', 'Camera'),
  organizationName: fc.constantFrom('УК «Север»', 'ООО «Юг»', ''),
  siteName: fc.constantFrom('ЖК «А»', ''),
  priority: fc.constantFrom('emergency', 'standard', 'consultation'),
  status: fc.constantFrom('new', 'in_progress', 'waiting_client', 'escalated'),
  channel: fc.constantFrom('phone', 'email', 'messenger'),
  assigneeId: fc.constantFrom('', 'a1', 'a2', 'a3', 'a4', 'a5'),
  createdAt: fc.integer({ min: 0, max: 5 }),
});

/** The definition: a stable comparison sort by the column's key ('sla': the rows' own order, or reversed). */
function sortOracle<T extends QueueTicket>(rows: readonly T[], sort: QueueSort, name: (id: string) => string): T[] {
  if (sort.column === 'sla') return sort.desc ? [...rows].reverse() : [...rows];
  const sign = sort.desc ? -1 : 1;
  const key = sortKeyOf(sort.column, name);
  const keyed = rows.map((t, i) => ({ t, k: key(t), i }));
  keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.i - b.i));
  return keyed.map((x) => x.t);
}

describe('column sort', () => {
  const minute = 60_000;
  const rows = [
    makeTicket({
      id: 'b',
      number: '2026-000002',
      subject: 'Турникет',
      createdAt: monday10 - 2 * minute,
      assigneeId: otherAgent.id,
    }),
    makeTicket({ id: 'a', number: '2026-000001', subject: 'шлагбаум', createdAt: monday10 - 1 * minute, assigneeId: agent.id }),
    makeTicket({ id: 'n', number: null, subject: 'Камера', createdAt: monday10, assigneeId: '' }),
  ];
  const names = (id: string) => (id === agent.id ? 'Анна' : id === otherAgent.id ? 'Игорь' : '');
  const cases: Array<{ column: QueueSortColumn; desc: boolean; ids: string[] }> = [
    { column: 'sla', desc: false, ids: ['b', 'a', 'n'] },
    { column: 'sla', desc: true, ids: ['n', 'a', 'b'] },
    { column: 'number', desc: false, ids: ['a', 'b', 'n'] },
    { column: 'subject', desc: false, ids: ['n', 'b', 'a'] },
    { column: 'subject', desc: true, ids: ['a', 'b', 'n'] },
    { column: 'age', desc: false, ids: ['n', 'a', 'b'] },
    { column: 'assignee', desc: false, ids: ['a', 'b', 'n'] },
  ];
  it.each(cases)('by $column (desc: $desc)', ({ column, desc, ids }) => {
    const ranks = column === 'sla' ? null : buildSortRanks(rows, column, names);
    expect(sortRowsByRanks(rows, { column, desc }, ranks, names).map((t) => t.id)).toEqual(ids);
  });
});

describe('column sort by ranks', () => {
  it('gives the order of the oracle for every column and direction, over any subset of the tickets', () => {
    const columns = queueSortColumns.filter((c): c is Exclude<QueueSortColumn, 'sla'> => c !== 'sla');
    fc.assert(
      fc.property(
        fc.array(ticketArb, { maxLength: 30 }),
        fc.constantFrom(...columns),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (specs, column, desc, keep) => {
          const tickets: Ticket[] = specs.map((spec, i) => makeTicket({ id: `t${i}`, ...spec } as Partial<Ticket>));
          const ranks = buildSortRanks(tickets, column, agentName);
          const rows = tickets.filter((_, i) => keep[i] ?? true).reverse();
          const ids = (list: readonly Ticket[]) => list.map((t) => t.id);
          expect(ids(sortRowsByRanks(rows, { column, desc }, ranks, agentName))).toEqual(
            ids(sortOracle(rows, { column, desc }, agentName)),
          );
        },
      ),
    );
  });

  it('ranks the rows among themselves when some were not ranked, or no ranks are given', () => {
    const a = makeTicket({ id: 'a', subject: 'Б' });
    const b = makeTicket({ id: 'b', subject: 'А' });
    const ranks = buildSortRanks([a], 'subject');
    expect(sortRowsByRanks([a, b], { column: 'subject', desc: false }, ranks).map((t) => t.id)).toEqual(['b', 'a']);
    expect(sortRowsByRanks([a, b], { column: 'subject', desc: false }, null).map((t) => t.id)).toEqual(['b', 'a']);
  });
});
