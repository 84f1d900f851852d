import type { FromSchema } from 'json-schema-to-ts';
import { roles } from '../vocabulary/enums.ts';
import { idField, stringEnum, text, updatedAtField } from './fields.ts';

/** The directory of support staff. Pull-only on the client: accounts are managed on the server. */
export const agentSchema = {
  title: 'agent',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    login: text(100),
    name: text(200),
    role: stringEnum(roles),
    active: { type: 'boolean' },
    updatedAt: updatedAtField,
  },
  required: ['id', 'login', 'name', 'role', 'active', 'updatedAt'],
} as const;

export type Agent = FromSchema<typeof agentSchema>;
