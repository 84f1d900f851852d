import type { FromSchema } from 'json-schema-to-ts';
import { eventKinds } from '../vocabulary/enums.ts';
import { idField, instantField, stringEnum, text, updatedAtField } from './fields.ts';

/**
 * One entry of a ticket's timeline. Insert-only: never updated, never conflicts
 * (the server rejects an update of a stored event).
 */
export const eventSchema = {
  title: 'event',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    ticketId: { type: 'string', maxLength: 40 },
    kind: stringEnum(eventKinds),
    at: instantField,
    authorId: text(40),
    authorName: text(200),
    /** Public entries were seen by the client (a reply sent, a call logged); notes are internal. */
    public: { type: 'boolean' },
    body: text(20000),
    /** Kind-specific details, e.g. {from, to} of a status change or {field, overwritten} of a merge. */
    data: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
    },
    updatedAt: updatedAtField,
  },
  required: ['id', 'ticketId', 'kind', 'at', 'authorId', 'authorName', 'public', 'body', 'data', 'updatedAt'],
  // kind: the reports read a few kinds out of a long timeline (renderer/src/features/reports).
  indexes: [
    ['ticketId', 'at', 'id'],
    ['kind', 'at', 'id'],
  ],
} as const;

export type TicketEvent = FromSchema<typeof eventSchema>;
