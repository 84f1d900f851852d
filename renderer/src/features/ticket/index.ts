export { TicketView } from './TicketView.tsx';
export { useApplyAction } from './useApplyAction.ts';
export { useAgentNames } from './ticketQueries.ts';
