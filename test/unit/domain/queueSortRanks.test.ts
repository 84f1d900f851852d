import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueSortColumns, sortQueueRows, type QueueSortColumn } from '#shared/domain/queueOrder.ts';
import { buildSortRanks, sortRowsByRanks } from '#shared/domain/queueSortRanks.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { makeTicket } from '../../support/ticketFactory.ts';

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

describe('column sort by ranks', () => {
  it('gives the order of sortQueueRows for every column and direction, over any subset of the tickets', () => {
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
            ids(sortQueueRows(rows, { column, desc }, agentName)),
          );
        },
      ),
    );
  });

  it('sorts rows it was not built with by comparison', () => {
    const a = makeTicket({ id: 'a', subject: 'Б' });
    const b = makeTicket({ id: 'b', subject: 'А' });
    const ranks = buildSortRanks([a], 'subject');
    expect(sortRowsByRanks([a, b], { column: 'subject', desc: false }, ranks).map((t) => t.id)).toEqual(['b', 'a']);
  });
});
