import type { approvals as ru } from '../ru/approvals.ts';
import type { EnglishOf } from '../messageShape.ts';

export const approvals: EnglishOf<typeof ru> = {
  title: 'Approvals',
  escalations: 'Escalation requests',
  escalationsEmpty: 'No escalation requests',
  improvements: 'Improvement requests',
  improvementsEmpty: 'No open improvement requests',
  columns: {
    ticket: 'Ticket',
    reason: 'Reason',
    requester: 'Requested by',
    age: 'Waiting',
    decision: 'Decision',
    client: 'Client',
    status: 'Status',
    created: 'Created',
  },
  devTask: 'Development task',
  devTaskPlaceholder: 'DEV-1234 or a link',
  comment: 'Comment',
  approve: 'Approve',
  return: 'Return',
  returnTitle: 'Return without escalation',
  open: 'Open',
  ageLessThanMinute: 'under a minute',
  notSynced: 'not synced',
};
