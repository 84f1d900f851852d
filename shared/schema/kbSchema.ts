import type { FromSchema } from 'json-schema-to-ts';
import { products } from '../vocabulary/enums.ts';
import { idField, instantField, nullableText, refField, stringEnum, tagsField, text, updatedAtField } from './fields.ts';

export const kbStatuses = ['draft', 'published', 'archived'] as const;

/** A knowledge-base article (статья базы знаний); the body is Markdown. */
export const kbSchema = {
  title: 'kb article',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    title: text(300),
    body: text(100000),
    product: { type: ['string', 'null'], enum: [...products, null], maxLength: 32 },
    tags: tagsField,
    /** A heading that groups articles (Настройка, Неисправность, Регламент...); free text. */
    category: nullableText(80),
    /** How clients describe the problem, one phrase each: searched with the title's weight. */
    symptoms: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: 200 } },
    status: stringEnum(kbStatuses),
    createdAt: instantField,
    createdBy: text(40),
    editedAt: instantField,
    editedBy: text(40),
    /** The ticket this article was drafted from, if any. */
    sourceTicketId: refField,
    /**
     * The local text that lost a conflict on `body` (both sides edited it): kept so no writing is
     * lost; the author merges it by hand and clears it.
     */
    conflictDraft: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        body: text(100000),
        editedAt: { type: 'number', minimum: 0 },
        editedBy: text(40),
      },
      required: ['body', 'editedAt', 'editedBy'],
    },
    summary: nullableText(1000),
    /**
     * The head's answer to a draft sent back rather than published: who, when, why. The draft is
     * waiting for the head again once edited after it; publishing clears it.
     */
    returned: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        comment: text(2000),
        at: { type: 'number', minimum: 0 },
        by: text(40),
      },
      required: ['comment', 'at', 'by'],
    },
    updatedAt: updatedAtField,
  },
  required: [
    'id',
    'title',
    'body',
    'product',
    'tags',
    'category',
    'symptoms',
    'status',
    'createdAt',
    'createdBy',
    'editedAt',
    'editedBy',
    'sourceTicketId',
    'conflictDraft',
    'summary',
    'returned',
    'updatedAt',
  ],
  indexes: [['editedAt', 'id']],
} as const;

export type KbArticle = FromSchema<typeof kbSchema>;
