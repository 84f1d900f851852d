import { describe, expect, it } from 'vitest';
import { attentionCount, needsAttention } from '#shared/alarms/attentionCount.ts';
import { agent, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const emergency = { priority: 'emergency' as const };

describe("attentionCount: emergencies waiting for this agent's first contact", () => {
  it('counts an unassigned new emergency and one assigned to me', () => {
    const tickets = [makeTicket({}, emergency), makeTicket({ assigneeId: agent.id, status: 'in_progress' }, emergency)];
    expect(attentionCount(tickets, agent.id)).toBe(2);
  });

  it.each([
    ['assigned to someone else', makeTicket({ assigneeId: otherAgent.id, status: 'in_progress' }, emergency)],
    ['already contacted', makeTicket({ firstContactAt: monday10 + 60_000 }, emergency)],
    ['resolved', makeTicket({ status: 'resolved', resolvedAt: monday10 + 60_000 }, emergency)],
    ['not an emergency', makeTicket({}, { priority: 'standard' })],
  ])('does not count a ticket %s', (_why, ticket) => {
    expect(needsAttention(ticket, agent.id)).toBe(false);
  });
});
