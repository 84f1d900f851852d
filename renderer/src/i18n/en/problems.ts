import type { problems as ru } from '../ru/problems.ts';
import type { EnglishOf } from '../messageShape.ts';

export const problems: EnglishOf<typeof ru> = {
  collection: {
    tickets: 'Ticket',
    events: 'History entry',
    kb: 'Knowledge base article',
    templates: 'Reply script',
    clients: 'Client',
    agents: 'Staff member',
    config: 'Settings',
  },
  serverSays: 'The server says: {{reason}}',
  refusedAt: 'Refused {{time}}',
  open: 'Open',
  openHint: 'Open the document, correct it and send it again',
  retryHint: 'Write the document again and send it to the server',
  retryUnavailable: 'This entry cannot be sent again: it can only be discarded.',
  discardHint: 'Delete the local change and take the server version',
  discardBody:
    '“{{label}}”: the local change will be deleted and the server version kept. A document the server does not have is deleted from this computer.',
  keepLocal: 'Keep it',
  sent: 'Sent again: “{{label}}”',
  restored: 'Server version taken: “{{label}}”',
  removed: 'Local copy deleted: “{{label}}”',
  errors: {
    offline: 'No connection to the server: the server version can be taken when the connection is back. The local copy is kept.',
    missing: 'The document is no longer on this computer. Discard the problem: there is nothing to send.',
    failed: 'That did not work: {{detail}}. The local copy is kept; try again.',
  },
  commands: {
    group: 'Sync problems',
    next: 'Next problem',
    previous: 'Previous problem',
    open: 'Open the problem document',
    retry: 'Send the document again',
    discard: 'Discard the local change',
  },
  count_one: '{{count}} document refused by the server',
  count_other: '{{count}} documents refused by the server',
};
