export { TicketView } from './TicketView.tsx';
export { useApplyAction } from './useApplyAction.ts';
export { useAgentNames, useTicket, useTicketEvents } from './ticketQueries.ts';
export { Timeline } from './Timeline.tsx';
