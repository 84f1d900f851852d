/** The closed vocabularies of the domain (docs/product.md, glossary). Names are English; the UI translates. */

export const priorities = ['emergency', 'standard', 'consultation'] as const;
export type Priority = (typeof priorities)[number];

export const ticketTypes = ['incident', 'question', 'improvement'] as const;
export type TicketType = (typeof ticketTypes)[number];

export const ticketStatuses = [
  'new',
  'in_progress',
  'waiting_client',
  'escalation_requested',
  'escalated',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** Statuses in which the ticket still needs work from support. */
export const openStatuses: readonly TicketStatus[] = [
  'new',
  'in_progress',
  'waiting_client',
  'escalation_requested',
  'escalated',
];

export const channels = ['phone', 'email', 'messenger', 'crm', 'walk_in', 'web'] as const;
export type Channel = (typeof channels)[number];

export const products = ['pass24_online', 'pass24_key', 'pass24_auto', 'pass24_admin'] as const;
export type Product = (typeof products)[number];

export const roles = ['agent', 'head', 'admin'] as const;
export type Role = (typeof roles)[number];

export const siteTypes = ['residential', 'business_centre', 'cottage', 'industrial'] as const;
export type SiteType = (typeof siteTypes)[number];

export const eventKinds = [
  'created',
  'contact_logged',
  'reply',
  'note',
  'status_changed',
  'priority_changed',
  'assigned',
  'field_changed',
  'escalation_requested',
  'escalation_approved',
  'escalation_returned',
  'development_answered',
  'kb_linked',
  'resolution',
  'confirmation',
  'reopened',
  'csat',
  'repeat_linked',
  'merge_overwritten',
  'client_message',
  'delivery',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const escalationStates = ['none', 'requested', 'approved', 'returned', 'answered'] as const;
