/**
 * The queue section: the prioritised queue full width; with a ticket open, the queue on the left
 * (about 40%, fewer columns) and the ticket on the right. The queue stays mounted across the
 * switch, so the selection and the scroll position survive it.
 */
import { Box } from '@mantine/core';
import { useRouteStore } from '../../state/routeStore.ts';
import { TicketView } from '../ticket/index.ts';
import { QueuePane } from './QueuePane.tsx';

export function QueueSection() {
  const itemId = useRouteStore((s) => s.itemId);
  return (
    <Box data-testid="section-queue" style={{ display: 'flex', flex: 1, minHeight: 0, height: '100%' }}>
      <Box
        style={{
          width: itemId ? '40%' : '100%',
          minWidth: itemId ? 420 : 0,
          minHeight: 0,
          borderRight: itemId ? '1px solid var(--mantine-color-default-border)' : undefined,
        }}
      >
        <QueuePane split={itemId !== null} />
      </Box>
      {itemId && (
        <Box style={{ flex: 1, minWidth: 0, minHeight: 0, overflow: 'auto' }} data-testid="queue-ticket-pane">
          <TicketView ticketId={itemId} />
        </Box>
      )}
    </Box>
  );
}
