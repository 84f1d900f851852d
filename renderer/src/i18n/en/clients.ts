import type { clients as ru } from '../ru/clients.ts';
import type { EnglishOf } from '../messageShape.ts';

export const clients: EnglishOf<typeof ru> = {
  open: 'Client page',
  back: 'Back',
  unknown: 'The client is not in this computer’s directory',
  sites: 'Sites',
  sitesNone: 'No sites',
  contacts: 'Contacts',
  contactsNone: 'No contacts',
  products: 'Products',
  notes: 'Notes',
  tickets: 'Every ticket',
  ticketsNone: 'No tickets',
  ticketsMore: 'The first {{count}} shown; the rest can be found in the Archive',
  offline: 'The server cannot be reached: only the tickets kept on this computer are shown.',
  failed: 'The server did not return the client’s tickets: {{message}}',
  repeats: 'Repeats per site and product',
  repeatsNone: 'No repeat tickets in the last quarters',
  newTicket: 'New ticket for this client',
  columns: {
    number: 'Number',
    subject: 'Subject',
    site: 'Site',
    status: 'Status',
    sla: 'SLA',
    created: 'Created',
    product: 'Product',
  },
  sla: { met: 'Met', breached: 'Breached', open: 'Running' },
  productNone: 'Not given',
};
