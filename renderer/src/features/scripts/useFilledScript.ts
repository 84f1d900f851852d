/** A script filled in for a ticket by this desk's agent, now, in the workspace's zone. */
import { useMemo } from 'react';
import type { Ticket } from '#shared/schema/index.ts';
import type { Channel } from '#shared/vocabulary/enums.ts';
import { fillScript, templateValues, type FilledScript, type ScriptDoc } from '#shared/templates/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useNow } from './useNow.ts';

export interface FillOptions {
  answers?: Record<string, string>;
  variant?: 'phone' | 'written';
  article?: { title: string; link?: string | null } | null;
  /** The channel the script is for, when not the ticket's (a call made on an e-mail ticket). */
  channel?: Channel;
}

export function useTicketValues(ticket: Ticket | null, article?: FillOptions['article']) {
  const { write } = useWorkspace();
  const now = useNow();
  return useMemo(
    () => (ticket ? templateValues({ ticket, agent: { name: write.actor.name }, article, now, sla: write.sla }) : null),
    [ticket, article, now, write],
  );
}

export function useFilledScript(
  script: Pick<ScriptDoc, 'body' | 'phoneBody'> | null,
  ticket: Ticket | null,
  options: FillOptions = {},
): FilledScript | null {
  const { write } = useWorkspace();
  const now = useNow();
  const values = useTicketValues(ticket, options.article);
  const { answers, variant, channel } = options;
  return useMemo(() => {
    if (!script || !ticket || !values) return null;
    return fillScript(script, channel ?? ticket.channel, values, {
      now,
      timeZone: write.sla.calendar.timeZone,
      answers,
      variant,
    });
  }, [script, ticket, values, now, write, answers, variant, channel]);
}
