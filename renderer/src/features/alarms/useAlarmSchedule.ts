/**
 * Keeps the host's alarm list in step with the local database: the open tickets (RxDB, so changes
 * from sync arrive here too: another agent taking a ticket drops it from this list, which cancels
 * its pending alarms), the alarm settings, the shift, the language and the server clock offset.
 * Also tells the host how many emergencies wait for this agent's first contact.
 */
import { useEffect, useState } from 'react';
import { from, map, switchMap } from 'rxjs';
import { alarmTicketOf } from '#shared/alarms/alarmTicketOf.ts';
import { attentionCount } from '#shared/alarms/attentionCount.ts';
import { buildAlarmSpecs } from '#shared/alarms/buildAlarmSpecs.ts';
import { alarmsOnHostClock } from '#shared/alarms/hostClock.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { useHost } from '../../services/hostContext.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useSlaSetup } from '../../services/session/slaSetupStore.ts';
import { openTicketsQuery } from '../../db/ticketQueries.ts';
import { useObservable } from '../../db/useObservable.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { afterFirstScreen } from '../../state/firstScreen.ts';
import { useSettingsStore } from '../../state/settingsStore.ts';
import { useAlarmBannerStore } from './alarmBannerStore.ts';
import { recordScheduledAlarms } from './scheduledAlarms.ts';

/** Bursts of changes (a sync page of tickets) become one message to the host. */
const debounceMs = 200;
/** At start-up the open tickets are read after the queue's first rows, or after this long at most. */
const firstScreenWaitMs = 1000;

export function useAlarmSchedule(): void {
  const host = useHost();
  const workspace = useWorkspace();
  const { db, clock, session } = workspace;
  const setup = useSlaSetup();
  const settings = useSettingsStore((s) => s.settings);
  const offset = useConnectionStore((s) => s.clockSkewMs);
  const [resumed, setResumed] = useState(0);
  // The queue's own query (one read shared), once the queue's first rows are on screen.
  const tickets = useObservable(
    () =>
      from(afterFirstScreen(firstScreenWaitMs)).pipe(
        switchMap(() => db.tickets.find(openTicketsQuery()).$),
        // The stored data, as the queue reads it: no copy of every open ticket on each change.
        map((docs) => docs.map((d) => d._data as Ticket)),
      ),
    [db],
    null as Ticket[] | null,
  );

  useEffect(() => host.onPowerResume(() => setResumed((n) => n + 1)), [host]);

  useEffect(() => {
    if (tickets === null) return;
    const timer = setTimeout(() => {
      const now = clock.now();
      const views = tickets.map((t) => alarmTicketOf(t, setup, now, settings.alarms));
      const specs = buildAlarmSpecs(views, {
        thresholds: settings.alarms,
        onShift: settings.onShift,
        agentId: session.agent.id,
        locale: settings.locale,
      });
      useAlarmBannerStore.getState().retainScheduled(specs);
      const onHostClock = alarmsOnHostClock(specs, clock.offset);
      recordScheduledAlarms(onHostClock);
      void host.scheduleAlarms(onHostClock).catch((error: unknown) => console.error('alarms not scheduled', error));
      void host.setAttention(attentionCount(tickets, session.agent.id)).catch(() => undefined);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [host, tickets, settings.alarms, settings.onShift, settings.locale, session.agent.id, clock, setup, offset, resumed]);
}
