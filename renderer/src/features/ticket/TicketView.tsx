/** Placeholder until this room is built (replaced by its owner). */
export function TicketView(_props: { ticketId: string }) {
  return null;
}
