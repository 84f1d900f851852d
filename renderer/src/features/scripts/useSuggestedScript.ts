/** The script the ticket's situation calls for (shared/templates/scriptSituation.ts), on this desk, now. */
import { useMemo } from 'react';
import type { ReplyTemplate, Ticket, TicketEvent } from '#shared/schema/index.ts';
import { scriptForSituation, situationOf, type Situation } from '#shared/templates/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useTickerValue } from '../../state/ticker.ts';
import { useScripts } from './scriptQueries.ts';

export interface SuggestedScript {
  situation: Situation;
  script: ReplyTemplate;
}

export function useSuggestedScript(ticket: Ticket, events: readonly TicketEvent[]): SuggestedScript | null {
  const { db, write } = useWorkspace();
  const { scripts } = useScripts(db);
  // A waiting ticket turns into "remind the client" as working time passes: re-check each minute.
  const minute = useTickerValue((now) => Math.floor(now / 60_000) * 60_000);
  return useMemo(() => {
    const situation = situationOf(ticket, events, minute, write.sla.calendar);
    if (!situation) return null;
    const script = scriptForSituation(scripts, situation, ticket.channel, write.actor.id) as ReplyTemplate | null;
    return script ? { situation, script } : null;
  }, [ticket, events, minute, write, scripts]);
}
