import type { FromSchema } from 'json-schema-to-ts';
import { channels } from '../vocabulary/enums.ts';
import { idField, instantField, nullableText, refField, tagsField, text, updatedAtField } from './fields.ts';

/**
 * A reply script (скрипт ответа). The body holds placeholders such as {{client.name}} or
 * {{ticket.number}}, rendered by shared/templates.
 */
export const templateSchema = {
  title: 'reply script',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    title: text(300),
    category: text(100),
    body: text(20000),
    /** The variant read aloud on a call; null when the written text serves the phone too. */
    phoneBody: nullableText(20000),
    /** Channels the script suits; empty means every channel. */
    channels: { type: 'array', maxItems: 10, items: { type: 'string', enum: channels, maxLength: 32 } },
    tags: tagsField,
    /** null: a shared script, edited by the head of department; an agent's id: that agent's personal script. */
    ownerId: refField,
    /** Archived scripts are no longer offered; they are kept for the timelines that used them. */
    archived: { type: 'boolean' },
    /**
     * The local texts that lost a conflict (both desks edited the written or the phone text while
     * apart): kept so no writing is lost; the editor shows them beside the current texts, and the
     * next save clears them. Null when there is no conflict.
     */
    conflictDraft: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        body: text(20000),
        phoneBody: nullableText(20000),
        editedAt: { type: 'number', minimum: 0 },
        editedBy: text(40),
      },
      required: ['body', 'phoneBody', 'editedAt', 'editedBy'],
    },
    editedAt: instantField,
    editedBy: text(40),
    updatedAt: updatedAtField,
  },
  required: [
    'id',
    'title',
    'category',
    'body',
    'phoneBody',
    'channels',
    'tags',
    'ownerId',
    'archived',
    'conflictDraft',
    'editedAt',
    'editedBy',
    'updatedAt',
  ],
} as const;

export type ReplyTemplate = FromSchema<typeof templateSchema>;
