/**
 * The values a script is filled with, built from what the desk and the endpoint both hold: the
 * ticket (its contact person, organisation, site, SLA inputs), the agent writing and the article
 * linked. Deadlines are instants, computed live by the SLA engine at `now` (a paused clock's due
 * is "if it resumed now"); renderTemplate writes them as Russian phrases.
 */
import type { Ticket } from '../schema/ticketSchema.ts';
import { slaSourceOf, toSlaTicket, type SlaSetup } from '../domain/ticketDeadlines.ts';
import { computeSla } from '../sla/index.ts';
import type { PlaceholderName } from './placeholders.ts';
import { priorityRu, ticketStatusRu, ticketTypeRu } from './ruLabels.ts';

export type TemplateTicket = Pick<
  Ticket,
  | 'number'
  | 'subject'
  | 'priority'
  | 'type'
  | 'status'
  | 'organizationName'
  | 'siteName'
  | 'contact'
  | 'createdAt'
  | 'firstContactAt'
  | 'resolvedAt'
  | 'statusLog'
>;

export interface TemplateSource {
  ticket: TemplateTicket;
  /** The agent the client hears from. */
  agent?: { name: string; phone?: string | null } | null;
  /** The KB article sent with the reply (the resolution's, or one the agent picked). */
  article?: { title: string; link?: string | null } | null;
  now: number;
  /** The workspace's SLA setup (versioned: the ticket is measured by its creation's); omitted, the defaults. */
  sla?: SlaSetup;
}

export type PlaceholderValues = Record<PlaceholderName, string | number | null>;

const orNull = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);

export function templateValues(source: TemplateSource): PlaceholderValues {
  const { ticket, agent, article } = source;
  // The settings in force when the ticket was created, as the queue's countdown reads them.
  const setup = slaSourceOf(ticket, source.sla);
  const state = computeSla(toSlaTicket(ticket), setup.policies[ticket.priority], setup.calendar, source.now);
  const contactDue = state.firstContact && state.firstContact.metAt === null ? state.firstContact.dueAt : null;
  const resolveDue = state.resolution.metAt === null ? state.resolution.dueAt : null;
  const pending = [contactDue, resolveDue].filter((d): d is number => d !== null);
  return {
    'ticket.number': orNull(ticket.number),
    'ticket.subject': orNull(ticket.subject),
    'ticket.priority': priorityRu[ticket.priority],
    'ticket.type': ticketTypeRu[ticket.type],
    'ticket.status': ticketStatusRu[ticket.status],
    'client.name': orNull(ticket.contact.name),
    'client.organization': orNull(ticket.organizationName),
    'client.phone': orNull(ticket.contact.phone),
    'client.email': orNull(ticket.contact.email),
    'site.name': orNull(ticket.siteName),
    'agent.name': orNull(agent?.name),
    'agent.phone': orNull(agent?.phone),
    'sla.due': pending.length > 0 ? Math.min(...pending) : null,
    'sla.contactDue': contactDue,
    'sla.resolveDue': resolveDue,
    'article.title': orNull(article?.title),
    'article.link': orNull(article?.link),
  };
}
