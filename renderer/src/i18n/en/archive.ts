import type { archive as ru } from '../ru/archive.ts';
import type { EnglishOf } from '../messageShape.ts';

export const archive: EnglishOf<typeof ru> = {
  title: 'Archive',
  searchLabel: 'Search every ticket',
  searchPlaceholder: 'Number, subject, correspondence: "barrier does not open"',
  statusLabel: 'Status',
  statusAny: 'Any',
  columns: {
    number: 'Number',
    subject: 'Subject',
    client: 'Client',
    status: 'Status',
    created: 'Created',
  },
  empty: 'Nothing found',
  hint: 'Start typing: the search covers every ticket on the server, including those closed long ago',
  more: 'Show more',
  searching: 'Searching…',
  found_one: '{{count}} ticket found',
  found_other: '{{count}} tickets found',
  foundMore: 'The first {{count}} shown; there are more',
  offline:
    'The server cannot be reached: only the tickets kept on this computer are shown. The whole archive is available when the server is back.',
  failed: 'The server did not run the search: {{message}}',
  back: 'Back to the results',
  readOnly: 'An archived ticket: read only. To carry on, create a linked ticket.',
  inWorkingSet: 'This ticket is kept on this computer',
  openInQueue: 'Open in the queue',
  newLinked: 'New linked ticket',
  ticketOffline: 'This ticket is kept on the server only; open it when the server is reachable.',
  ticketMissing: 'The ticket was not found on the server',
  description: 'Description',
  timeline: 'Timeline',
  keys: 'Up and down arrows pick a ticket, Enter opens it, Esc goes back to the search',
};
