/** The body of POST /api/intake/tickets (IntakeTicketRequest), checked before anything is stored. */
import { Ajv } from 'ajv';
import { products } from '#shared/vocabulary/enums.ts';
import { ticketLimits } from '#shared/domain/ticketFactory.ts';
import { intakeChannels, type IntakeTicketRequest } from '#shared/protocol.ts';
import { badTextPath } from '#shared/authz/documentLimits.ts';
import { badTextReason } from './documentValidator.ts';
import { describeSchemaErrors } from './schemaErrors.ts';

const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max });

const intakeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'externalId', 'subject', 'description', 'contact'],
  properties: {
    channel: { type: 'string', enum: intakeChannels },
    externalId: text(1, 200),
    subject: text(1, ticketLimits.subject),
    description: text(0, ticketLimits.description),
    contact: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: text(1, ticketLimits.name),
        phone: text(0, ticketLimits.phone),
        email: text(0, ticketLimits.email),
        messenger: text(0, ticketLimits.messenger),
      },
    },
    organization: text(0, 200),
    site: text(0, 200),
    product: { type: 'string', enum: products },
    priority: { type: 'string', enum: ['emergency', 'standard', 'consultation'] },
  },
} as const;

const validate = new Ajv({ strict: false, allErrors: true }).compile(intakeSchema);

export type IntakeCheck = { ok: true; value: IntakeTicketRequest } | { ok: false; reason: string };

export function checkIntakeRequest(body: unknown): IntakeCheck {
  if (!validate(body)) return { ok: false, reason: describeSchemaErrors(validate.errors, 'Обращение') };
  const value = body as IntakeTicketRequest;
  // Refused, not stored: PostgreSQL cannot store it, and the connector would retry it for ever.
  const bad = badTextPath(value);
  if (bad !== null) return { ok: false, reason: `Обращение не принято. ${badTextReason(bad)}` };
  if (value.subject.trim().length === 0) return { ok: false, reason: 'Обращение не соответствует схеме: тема (subject) пустая.' };
  if (value.contact.name.trim().length === 0)
    return { ok: false, reason: 'Обращение не соответствует схеме: имя контакта пустое.' };
  return { ok: true, value };
}
