/**
 * What a ticket's text fields may hold (subject, description, contact), for every form that edits
 * them: the intake form and the ticket's edit dialog. Errors are i18n keys with their values; the
 * forms show each next to its field and keep what was typed.
 */
import { ticketLimits } from './ticketFactory.ts';

export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
}

export interface TicketText {
  subject: string;
  description: string;
  contact: { name: string; phone: string; email: string; messenger: string };
}

export type TicketTextField = 'subject' | 'description' | 'contactName' | 'phone' | 'email' | 'messenger';
export type TicketTextErrors = Partial<Record<TicketTextField, FieldError>>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[+\d\s()-]+$/;

export function tooLong(value: string, max: number): FieldError | undefined {
  return value.trim().length > max ? { key: 'intake.error.fieldTooLong', values: { max } } : undefined;
}

export function validateTicketText(d: TicketText): TicketTextErrors {
  const errors: TicketTextErrors = {};
  const subject = d.subject.trim();
  if (subject === '') errors.subject = { key: 'intake.error.subjectRequired' };
  else if (subject.length > ticketLimits.subject) {
    errors.subject = { key: 'intake.error.subjectTooLong', values: { max: ticketLimits.subject, count: subject.length } };
  }
  if (d.description.trim().length > ticketLimits.description) {
    errors.description = { key: 'intake.error.descriptionTooLong', values: { max: ticketLimits.description } };
  }
  const name = tooLong(d.contact.name, ticketLimits.name);
  if (name) errors.contactName = name;
  const phone = d.contact.phone.trim();
  if (phone && (!phonePattern.test(phone) || phone.replace(/\D/g, '').length < 5)) errors.phone = { key: 'intake.error.phone' };
  else if (phone.length > ticketLimits.phone)
    errors.phone = { key: 'intake.error.fieldTooLong', values: { max: ticketLimits.phone } };
  const email = d.contact.email.trim();
  if (email && !emailPattern.test(email)) errors.email = { key: 'intake.error.email' };
  else if (email.length > ticketLimits.email)
    errors.email = { key: 'intake.error.fieldTooLong', values: { max: ticketLimits.email } };
  const messenger = tooLong(d.contact.messenger, ticketLimits.messenger);
  if (messenger) errors.messenger = messenger;
  return errors;
}
