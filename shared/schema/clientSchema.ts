import type { FromSchema } from 'json-schema-to-ts';
import { products, siteTypes } from '../vocabulary/enums.ts';
import { idField, instantField, refField, stringEnum, text, updatedAtField } from './fields.ts';

/**
 * A client record: an organisation (management company, developer, business) or one of its
 * sites (объект: ЖК, БЦ, посёлок, производство), linked by parentId.
 */
export const clientSchema = {
  title: 'client',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    kind: stringEnum(['organization', 'site'] as const),
    name: text(200),
    /** For a site: the organisation's id. */
    parentId: refField,
    siteType: { type: ['string', 'null'], enum: [...siteTypes, null], maxLength: 32 },
    city: text(100),
    address: text(300),
    contacts: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: text(200),
          role: text(100),
          phone: text(50),
          email: text(200),
        },
        required: ['name', 'role', 'phone', 'email'],
      },
    },
    products: { type: 'array', maxItems: 10, items: { type: 'string', enum: products, maxLength: 32 } },
    notes: text(5000),
    /** The organisation's INN (10 or 12 digits; '' when unknown): how the CRM's companies are matched. */
    inn: text(12),
    /**
     * The company in the CRM this card comes from or was matched to; set only by the endpoint's
     * directory sync, never by a desk. Null for a card the CRM does not know.
     */
    crm: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        system: { type: 'string', enum: ['bitrix24'], maxLength: 16 },
        id: text(20),
        url: text(500),
      },
      required: ['system', 'id', 'url'],
    },
    editedAt: instantField,
    editedBy: text(40),
    updatedAt: updatedAtField,
  },
  required: [
    'id',
    'kind',
    'name',
    'parentId',
    'siteType',
    'city',
    'address',
    'contacts',
    'products',
    'notes',
    'inn',
    'crm',
    'editedAt',
    'editedBy',
    'updatedAt',
  ],
} as const;

export type Client = FromSchema<typeof clientSchema>;
