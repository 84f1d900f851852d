/**
 * The words a script puts in front of the client for the ticket's closed vocabularies, in the
 * lower case they take inside a sentence («приоритет: экстренное»). They live here, not in the
 * desk's i18n, because the endpoint writes the same scripts into its automatic acknowledgements.
 */
import type { Priority, TicketStatus, TicketType } from '../vocabulary/enums.ts';

export const priorityRu: Readonly<Record<Priority, string>> = {
  emergency: 'экстренное',
  standard: 'стандартное',
  consultation: 'консультация',
};

export const ticketTypeRu: Readonly<Record<TicketType, string>> = {
  incident: 'техническая проблема',
  question: 'консультация',
  improvement: 'запрос на улучшение',
};

export const ticketStatusRu: Readonly<Record<TicketStatus, string>> = {
  new: 'новое',
  in_progress: 'в работе',
  waiting_client: 'ожидает вашего ответа',
  escalation_requested: 'передаётся специалистам',
  escalated: 'у специалистов',
  resolved: 'решено',
  closed: 'закрыто',
};
