export { TicketView } from './TicketView.tsx';
