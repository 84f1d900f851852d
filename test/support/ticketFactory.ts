import { createTicketDocument, type NewTicketInput } from '#shared/domain/ticketFactory.ts';
import type { Actor } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';

export const agent: Actor = { id: 'agent-1', name: 'Анна Смирнова', role: 'agent' };
export const otherAgent: Actor = { id: 'agent-2', name: 'Игорь Волков', role: 'agent' };
export const head: Actor = { id: 'head-1', name: 'Ольга Петрова', role: 'head' };

/** 2026-11-23 10:00 Moscow (a Monday). */
export const monday10 = Date.UTC(2026, 10, 23, 7, 0);

/** What the intake form would send for a standard incident. */
export const ticketInput: NewTicketInput = {
  subject: 'Шлагбаум не открывается по номеру',
  description: 'С утра камера не распознаёт номера жителей',
  type: 'incident',
  priority: 'standard',
  channel: 'phone',
  product: 'pass24_auto',
  organizationName: 'УК «Северный парк»',
  siteName: 'ЖК «Северный парк»',
  contact: { name: 'Сергей', phone: '+7 900 000-00-00' },
};

let seq = 0;
export function makeTicket(overrides: Partial<Ticket> = {}, input: Partial<NewTicketInput> = {}): Ticket {
  seq += 1;
  const base = createTicketDocument(
    { ...ticketInput, ...input },
    { id: `t-${seq}`, now: overrides.createdAt ?? monday10, authorId: agent.id },
  );
  return { ...base, ...overrides };
}
