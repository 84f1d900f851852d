import { describe, expect, it } from 'vitest';
import { attentionCount } from '#shared/alarms/attentionCount.ts';
import { agent, makeTicket, otherAgent } from '../../../support/ticketFactory.ts';

describe('the number of emergencies waiting for this agent’s first contact', () => {
  it('counts only those among all the tickets', () => {
    const tickets = [
      makeTicket({}, { priority: 'emergency' }),
      makeTicket({ assigneeId: otherAgent.id }, { priority: 'emergency' }),
      makeTicket({}, { priority: 'standard' }),
    ];
    expect(attentionCount(tickets, agent.id)).toBe(1);
    expect(attentionCount([], agent.id)).toBe(0);
  });
});
