/**
 * Creates the ticket from the form: first the organisation and site typed if they are new, then
 * the ticket itself, all in the local database (sync sends them when online).
 */
import type { NewTicketInput } from '#shared/domain/ticketFactory.ts';
import type { Client, Ticket } from '#shared/schema/index.ts';
import { createOrganization, createSite } from '../../db/clientRepository.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { createTicket } from '../../db/ticketRepository.ts';
import type { WriteContext } from '../../db/writeContext.ts';
import type { ClientMatch } from './clientMatch.ts';
import type { IntakeDraft } from './intakeDraft.ts';

export async function submitIntake(
  db: DeskDatabase,
  draft: IntakeDraft,
  match: ClientMatch,
  write: WriteContext,
): Promise<Ticket> {
  let organization: Client | null = match.organization;
  if (!organization && match.newOrganization) organization = await createOrganization(db, draft.organizationName, write);
  let site: Client | null = match.site;
  if (!site && match.newSite && organization) site = await createSite(db, draft.siteName, organization.id, write);
  const input: NewTicketInput = {
    subject: draft.subject,
    description: draft.description,
    type: draft.type,
    priority: draft.priority,
    channel: draft.channel,
    product: draft.product,
    clientId: organization?.id ?? null,
    siteId: site?.id ?? null,
    organizationName: organization?.name ?? '',
    siteName: site?.name ?? '',
    contact: draft.contact,
    repeatOf: draft.repeatOf,
  };
  return createTicket(db, input, write);
}
