import type { FromSchema } from 'json-schema-to-ts';
import { instantField, text, updatedAtField } from './fields.ts';

/**
 * Keys of the workspace configuration documents. `sla-policies` and `calendar` hold versions
 * ({versions: [{id, from, editedBy, value}]}, shared/sla/settingsVersions.ts); `workspace` the
 * working-set window and the email acknowledgement switch.
 */
export const configKeys = ['sla-policies', 'calendar', 'alarm-defaults', 'kpi-targets', 'workspace'] as const;

/**
 * Workspace configuration (SLA policies, business calendar, thresholds). One document per key;
 * written by the head of department (role `head`) or an admin only; the server enforces it.
 */
export const configSchema = {
  title: 'config',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', enum: configKeys, maxLength: 40 },
    /** The setting's value; its shape is checked by the code that owns the key. */
    value: { type: 'object' },
    editedAt: instantField,
    editedBy: text(40),
    updatedAt: updatedAtField,
  },
  required: ['id', 'value', 'editedAt', 'editedBy', 'updatedAt'],
} as const;

export type ConfigDoc = FromSchema<typeof configSchema>;
