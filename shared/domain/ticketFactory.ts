/**
 * Builds a complete, schema-valid ticket document from what intake knows. Used by the
 * "Новое обращение" form (renderer) and the intake API (server), so both create the same shape.
 */
import type { Channel, Priority, Product, TicketType } from '../vocabulary/enums.ts';
import type { Ticket } from '../schema/ticketSchema.ts';
import { maxInstant } from '../schema/fields.ts';

export interface NewTicketInput {
  subject: string;
  description: string;
  type: TicketType;
  priority: Priority;
  channel: Channel;
  product: Product | null;
  clientId?: string | null;
  siteId?: string | null;
  organizationName?: string;
  siteName?: string;
  contact?: Partial<Ticket['contact']>;
  assigneeId?: string;
  repeatOf?: string | null;
  externalId?: string | null;
  tags?: string[];
}

export interface NewTicketContext {
  id: string;
  now: number;
  /** Agent id of the author ('' for a channel connector). */
  authorId: string;
}

/** Limits of the ticket schema, so forms and the intake API can trim and refuse early. */
export const ticketLimits = {
  subject: 300,
  description: 20000,
  name: 200,
  phone: 50,
  email: 200,
  messenger: 200,
} as const;

export function emptyEscalation(): Ticket['escalation'] {
  return {
    state: 'none',
    reason: '',
    requestedAt: null,
    requestedBy: '',
    decidedAt: null,
    decidedBy: '',
    devTaskRef: '',
    comment: '',
  };
}

/**
 * A new ticket: status `new`, number null (the server assigns it on first arrival), due instants
 * empty (fill them with `withSlaDeadlines`).
 */
export function createTicketDocument(input: NewTicketInput, ctx: NewTicketContext): Ticket {
  return {
    id: ctx.id,
    number: null,
    subject: input.subject.trim(),
    description: input.description.trim(),
    type: input.type,
    priority: input.priority,
    status: 'new',
    channel: input.channel,
    product: input.product,
    clientId: input.clientId ?? null,
    siteId: input.siteId ?? null,
    organizationName: (input.organizationName ?? '').trim(),
    siteName: (input.siteName ?? '').trim(),
    contact: {
      name: (input.contact?.name ?? '').trim(),
      phone: (input.contact?.phone ?? '').trim(),
      email: (input.contact?.email ?? '').trim(),
      messenger: (input.contact?.messenger ?? '').trim(),
    },
    assigneeId: input.assigneeId ?? '',
    createdAt: ctx.now,
    createdBy: ctx.authorId,
    editedAt: ctx.now,
    editedBy: ctx.authorId,
    firstContactAt: null,
    resolvedAt: null,
    closedAt: null,
    statusLog: [{ status: 'new', at: ctx.now }],
    firstContactDueAt: null,
    resolutionDueAt: null,
    dueAt: maxInstant,
    escalation: emptyEscalation(),
    resolution: null,
    confirmation: null,
    csat: null,
    repeatOf: input.repeatOf ?? null,
    externalId: input.externalId ?? null,
    tags: input.tags ?? [],
    updatedAt: 0,
  };
}
