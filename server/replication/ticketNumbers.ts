/**
 * Human ticket numbers `YYYY-NNNNNN`, gap-free per year. The counter row is updated in the same
 * transaction that stores the tickets, so a rolled-back push gives its numbers back; the tickets
 * collection lock (CollectionWriter) already serialises every writer of tickets.
 */
import { sql, type Transaction } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';

/** The year of an instant on the Moscow calendar (the company's; 31 Dec 22:00 UTC is already 1 Jan). */
const moscowYear = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Moscow', year: 'numeric' });

export function ticketYear(createdAt: number): number {
  return Number(moscowYear.format(createdAt));
}

export function formatTicketNumber(year: number, n: number): string {
  return `${year}-${String(n).padStart(6, '0')}`;
}

interface Numberable {
  id: string;
  createdAt: number;
  number: string | null;
}

/** Sets `number` on each ticket, in (createdAt, id) order within each year. */
export async function assignTicketNumbers(trx: Transaction<DbSchema>, tickets: Numberable[]): Promise<void> {
  const byYear = new Map<number, Numberable[]>();
  for (const t of tickets) {
    const year = ticketYear(t.createdAt);
    const list = byYear.get(year) ?? [];
    list.push(t);
    byYear.set(year, list);
  }
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const res = await sql<{ last_number: number }>`
      insert into ticket_counters (year, last_number) values (${year}, ${list.length})
      on conflict (year) do update set last_number = ticket_counters.last_number + excluded.last_number
      returning last_number`.execute(trx);
    const last = Number(res.rows[0]!.last_number);
    list.forEach((t, i) => {
      t.number = formatTicketNumber(year, last - list.length + 1 + i);
    });
  }
}
