/**
 * The document schemas: one source of truth for RxDB (renderer), the server's validation and the
 * TypeScript types. Changing a schema means bumping its `version` and adding a migration strategy
 * in renderer/src/db and a migration on the server.
 */
import { agentSchema } from './agentSchema.ts';
import { clientSchema } from './clientSchema.ts';
import { configSchema } from './configSchema.ts';
import { eventSchema } from './eventSchema.ts';
import { kbSchema } from './kbSchema.ts';
import { templateSchema } from './templateSchema.ts';
import { ticketSchema } from './ticketSchema.ts';
import type { CollectionName } from '../protocol.ts';
import type { Agent } from './agentSchema.ts';
import type { Client } from './clientSchema.ts';
import type { ConfigDoc } from './configSchema.ts';
import type { TicketEvent } from './eventSchema.ts';
import type { KbArticle } from './kbSchema.ts';
import type { ReplyTemplate } from './templateSchema.ts';
import type { Ticket } from './ticketSchema.ts';

export { agentSchema, clientSchema, configSchema, eventSchema, kbSchema, templateSchema, ticketSchema };
export type { Agent, Client, ConfigDoc, KbArticle, ReplyTemplate, Ticket, TicketEvent };
export { maxInstant } from './fields.ts';

export const schemas = {
  tickets: ticketSchema,
  events: eventSchema,
  kb: kbSchema,
  templates: templateSchema,
  clients: clientSchema,
  agents: agentSchema,
  config: configSchema,
} as const satisfies Record<CollectionName, unknown>;

/** The document type of each collection. */
export interface CollectionDocs {
  tickets: Ticket;
  events: TicketEvent;
  kb: KbArticle;
  templates: ReplyTemplate;
  clients: Client;
  agents: Agent;
  config: ConfigDoc;
}
