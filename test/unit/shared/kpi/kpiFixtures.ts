/**
 * Hand-built tickets for the KPI tests, on the shipped Russian production calendar (Moscow,
 * Monday-Friday 09:00-18:00). Instants are Moscow wall-clock strings, so the suite means the same under any TZ.
 */
import type { TicketStatus } from '#shared/vocabulary/enums.ts';
import { emptyEscalation } from '#shared/domain/ticketFactory.ts';
import type { KpiEvent, KpiTicket } from '#shared/kpi/index.ts';
import { msk } from '../sla/slaTestHelpers.ts';

export { msk };

export interface Story {
  id: string;
  priority?: KpiTicket['priority'];
  channel?: KpiTicket['channel'];
  product?: KpiTicket['product'];
  agent?: string;
  created: string;
  contact?: string;
  /** Status moves after creation (the first entry, `new`, is at creation). */
  moves?: [TicketStatus, string][];
  closed?: string;
  csat?: number | null;
  kb?: string;
  escalation?: KpiTicket['escalation'];
  repeatOf?: string;
}

export function story(s: Story): KpiTicket {
  const statusLog = [
    { status: 'new' as TicketStatus, at: msk(s.created) },
    ...(s.moves ?? []).map(([status, at]) => ({ status, at: msk(at) })),
  ];
  const last = statusLog[statusLog.length - 1]!;
  let resolvedAt: number | null = null;
  for (const e of statusLog) if (e.status === 'resolved') resolvedAt = e.at;
  if (last.status !== 'resolved' && last.status !== 'closed') resolvedAt = null;
  const finished = resolvedAt !== null;
  return {
    id: s.id,
    number: `2026-${s.id}`,
    subject: `Обращение ${s.id}`,
    priority: s.priority ?? 'standard',
    status: last.status,
    channel: s.channel ?? 'email',
    product: s.product === undefined ? 'pass24_online' : s.product,
    assigneeId: s.agent ?? 'ag1',
    createdAt: msk(s.created),
    firstContactAt: s.contact ? msk(s.contact) : null,
    resolvedAt,
    closedAt: s.closed ? msk(s.closed) : null,
    statusLog,
    escalation: s.escalation ?? emptyEscalation(),
    resolution: finished ? { summary: 'Решено', kbArticleId: s.kb ?? 'kb-1' } : null,
    csat: s.closed && s.csat != null ? { score: s.csat, comment: '' } : null,
    repeatOf: s.repeatOf ?? '',
  };
}

export function event(ticketId: string, kind: KpiEvent['kind'], at: string, data: KpiEvent['data'] = {}): KpiEvent {
  return { ticketId, kind, at: msk(at), data };
}
