/**
 * What the intake form refuses, as i18n keys with values, per field. The form shows each message
 * next to its field and keeps everything typed.
 */
import { ticketLimits } from '#shared/domain/ticketFactory.ts';
import type { ClientMatch } from './clientMatch.ts';
import type { IntakeDraft } from './intakeDraft.ts';

export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
}

export type IntakeField = 'subject' | 'description' | 'organizationName' | 'siteName' | 'contactName' | 'phone' | 'email' | 'messenger';
export type IntakeErrors = Partial<Record<IntakeField, FieldError>>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[+\d\s()-]+$/;

function tooLong(value: string, max: number): FieldError | undefined {
  return value.trim().length > max ? { key: 'intake.error.fieldTooLong', values: { max } } : undefined;
}

export function validateIntake(d: IntakeDraft, clients: ClientMatch): IntakeErrors {
  const errors: IntakeErrors = {};
  const subject = d.subject.trim();
  if (subject === '') errors.subject = { key: 'intake.error.subjectRequired' };
  else if (subject.length > ticketLimits.subject) {
    errors.subject = { key: 'intake.error.subjectTooLong', values: { max: ticketLimits.subject, count: subject.length } };
  }
  if (d.description.trim().length > ticketLimits.description) {
    errors.description = { key: 'intake.error.descriptionTooLong', values: { max: ticketLimits.description } };
  }
  const org = tooLong(d.organizationName, 200);
  if (org) errors.organizationName = org;
  const site = tooLong(d.siteName, 200);
  if (site) errors.siteName = site;
  else if (clients.newSite && clients.organization === null && !clients.newOrganization) {
    errors.siteName = { key: 'intake.error.siteWithoutOrganization' };
  }
  const name = tooLong(d.contact.name, ticketLimits.name);
  if (name) errors.contactName = name;
  const phone = d.contact.phone.trim();
  if (phone && (!phonePattern.test(phone) || phone.replace(/\D/g, '').length < 5)) errors.phone = { key: 'intake.error.phone' };
  else if (phone.length > ticketLimits.phone) errors.phone = { key: 'intake.error.fieldTooLong', values: { max: ticketLimits.phone } };
  const email = d.contact.email.trim();
  if (email && !emailPattern.test(email)) errors.email = { key: 'intake.error.email' };
  else if (email.length > ticketLimits.email) errors.email = { key: 'intake.error.fieldTooLong', values: { max: ticketLimits.email } };
  const messenger = tooLong(d.contact.messenger, ticketLimits.messenger);
  if (messenger) errors.messenger = messenger;
  return errors;
}
