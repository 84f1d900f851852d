import type { FromSchema } from 'json-schema-to-ts';
import { channels, escalationStates, priorities, products, ticketStatuses, ticketTypes } from '../vocabulary/enums.ts';
import {
  idField,
  instantField,
  nullableInstantField,
  nullableText,
  refField,
  stringEnum,
  tagsField,
  text,
  updatedAtField,
} from './fields.ts';

/**
 * A support ticket (обращение). The SLA inputs (createdAt, priority, firstContactAt, resolvedAt,
 * statusLog) live on the document so deadlines are computed without reading the timeline.
 * The due instants are stored, computed by shared/sla, so the queue can sort by an index.
 */
export const ticketSchema = {
  title: 'ticket',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    /** Human number `2026-000123`, assigned by the server on first arrival; null until synced. */
    number: nullableText(16),
    subject: text(300),
    description: text(20000),
    type: stringEnum(ticketTypes),
    priority: stringEnum(priorities),
    status: stringEnum(ticketStatuses),
    channel: stringEnum(channels),
    product: { type: ['string', 'null'], enum: [...products, null], maxLength: 32 },
    clientId: refField,
    siteId: refField,
    /** Denormalised names for display and the quick filter. */
    organizationName: text(200),
    siteName: text(200),
    contact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: text(200),
        phone: text(50),
        email: text(200),
        messenger: text(200),
      },
      required: ['name', 'phone', 'email', 'messenger'],
    },
    /** Agent id, or '' when unassigned (indexed, so never null). */
    assigneeId: { type: 'string', maxLength: 40 },
    createdAt: instantField,
    createdBy: text(40),
    /** Client instant (server-corrected) of the latest edit: decides a field changed on both sides. */
    editedAt: instantField,
    editedBy: text(40),
    firstContactAt: nullableInstantField,
    resolvedAt: nullableInstantField,
    closedAt: nullableInstantField,
    /** Chronological status history, first entry at createdAt. The SLA engine derives pauses from it. */
    statusLog: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { status: stringEnum(ticketStatuses), at: { type: 'number', minimum: 0 } },
        required: ['status', 'at'],
      },
    },
    firstContactDueAt: nullableInstantField,
    resolutionDueAt: nullableInstantField,
    /** Sort key of the queue: the next due instant (maxInstant when nothing is due). */
    dueAt: instantField,
    escalation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        state: stringEnum(escalationStates),
        reason: text(5000),
        requestedAt: nullableInstantField,
        requestedBy: text(40),
        decidedAt: nullableInstantField,
        decidedBy: text(40),
        devTaskRef: text(200),
        comment: text(5000),
      },
      required: ['state', 'reason', 'requestedAt', 'requestedBy', 'decidedAt', 'decidedBy', 'devTaskRef', 'comment'],
    },
    resolution: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        summary: text(10000),
        kbArticleId: text(40),
      },
      required: ['summary', 'kbArticleId'],
    },
    confirmation: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        confirmedAt: { type: 'number', minimum: 0 },
        note: text(2000),
      },
      required: ['confirmedAt', 'note'],
    },
    csat: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        score: { type: 'integer', minimum: 1, maximum: 5 },
        comment: text(2000),
      },
      required: ['score', 'comment'],
    },
    /** The earlier ticket this one repeats (повторное обращение). */
    repeatOf: refField,
    /** The channel's own id of the message (intake API idempotency), or null. */
    externalId: nullableText(200),
    tags: tagsField,
    updatedAt: updatedAtField,
  },
  required: [
    'id',
    'number',
    'subject',
    'description',
    'type',
    'priority',
    'status',
    'channel',
    'product',
    'clientId',
    'siteId',
    'organizationName',
    'siteName',
    'contact',
    'assigneeId',
    'createdAt',
    'createdBy',
    'editedAt',
    'editedBy',
    'firstContactAt',
    'resolvedAt',
    'closedAt',
    'statusLog',
    'firstContactDueAt',
    'resolutionDueAt',
    'dueAt',
    'escalation',
    'resolution',
    'confirmation',
    'csat',
    'repeatOf',
    'externalId',
    'tags',
    'updatedAt',
  ],
  indexes: [
    ['status', 'dueAt', 'id'],
    ['assigneeId', 'status', 'dueAt', 'id'],
    ['createdAt', 'id'],
  ],
} as const;

export type Ticket = FromSchema<typeof ticketSchema>;
