/**
 * What the intake form refuses, as i18n keys with values, per field. The form shows each message
 * next to its field and keeps everything typed.
 */
import { tooLong, validateTicketText, type FieldError, type TicketTextField } from '#shared/domain/ticketTextValidation.ts';
import type { ClientMatch } from './clientMatch.ts';
import type { IntakeDraft } from './intakeDraft.ts';

export type { FieldError };

export type IntakeField = TicketTextField | 'organizationName' | 'siteName';
export type IntakeErrors = Partial<Record<IntakeField, FieldError>>;

export function validateIntake(d: IntakeDraft, clients: ClientMatch): IntakeErrors {
  const errors: IntakeErrors = validateTicketText(d);
  const org = tooLong(d.organizationName, 200);
  if (org) errors.organizationName = org;
  const site = tooLong(d.siteName, 200);
  if (site) errors.siteName = site;
  else if (clients.newSite && clients.organization === null && !clients.newOrganization) {
    errors.siteName = { key: 'intake.error.siteWithoutOrganization' };
  }
  return errors;
}
