import { describe, expect, it } from 'vitest';
import {
  closingInstant,
  dayMs,
  defaultClosedWindowDays,
  inWorkingSet,
  travelsWithClosedTicket,
  workingSetConfigOf,
  type ScopedTicket,
} from '#shared/sync/workingSet.ts';

const now = Date.UTC(2026, 5, 1);
const ticket = (overrides: Partial<ScopedTicket>): ScopedTicket => ({
  status: 'closed',
  createdAt: now - 400 * dayMs,
  resolvedAt: null,
  closedAt: null,
  ...overrides,
});

describe('the working set', () => {
  it('holds every open ticket however old', () => {
    for (const status of ['new', 'in_progress', 'waiting_client', 'escalation_requested', 'escalated'] as const) {
      expect(inWorkingSet(ticket({ status, closedAt: now - 1000 * dayMs }), now, 90)).toBe(true);
    }
  });

  it('holds a closed ticket up to and including the window start, and not a millisecond before', () => {
    expect(inWorkingSet(ticket({ closedAt: now - 90 * dayMs }), now, 90)).toBe(true);
    expect(inWorkingSet(ticket({ closedAt: now - 90 * dayMs - 1 }), now, 90)).toBe(false);
    expect(inWorkingSet(ticket({ closedAt: now - 90 * dayMs - 1 }), now, 91)).toBe(true);
  });

  it('measures a closed ticket from its closing, a resolved one from its resolution, else from its creation', () => {
    expect(closingInstant(ticket({ resolvedAt: 5, closedAt: 7 }))).toBe(7);
    expect(closingInstant(ticket({ status: 'resolved', resolvedAt: 5 }))).toBe(5);
    expect(closingInstant(ticket({ createdAt: 3 }))).toBe(3);
    expect(inWorkingSet(ticket({ status: 'resolved', resolvedAt: now - dayMs }), now, 1)).toBe(true);
    expect(inWorkingSet(ticket({ status: 'resolved', resolvedAt: now - dayMs - 1 }), now, 1)).toBe(false);
  });

  it('reads the window from the workspace setting, falling back to 90 days', () => {
    expect(workingSetConfigOf({ workingSetDays: 30 })).toEqual({ closedWindowDays: 30 });
    expect(defaultClosedWindowDays).toBe(90);
    for (const bad of [
      undefined,
      null,
      {},
      { closedWindowDays: 30 },
      { workingSetDays: 0 },
      { workingSetDays: 3651 },
      { workingSetDays: 7.5 },
      { workingSetDays: '30' },
    ]) {
      expect(workingSetConfigOf(bad)).toEqual({ closedWindowDays: 90 });
    }
    expect(workingSetConfigOf({ workingSetDays: 3650 })).toEqual({ closedWindowDays: 3650 });
    expect(workingSetConfigOf({ workingSetDays: 1 })).toEqual({ closedWindowDays: 1 });
  });

  it("sends of a finished ticket's timeline the entries the KPI report reads and those written from a script", () => {
    for (const kind of ['assigned', 'priority_changed', 'escalation_approved', 'resolution'] as const)
      expect(travelsWithClosedTicket({ kind, data: {} }), kind).toBe(true);
    for (const kind of ['created', 'reply', 'note', 'status_changed', 'csat', 'client_message'] as const)
      expect(travelsWithClosedTicket({ kind, data: {} }), kind).toBe(false);
    expect(travelsWithClosedTicket({ kind: 'reply', data: { templateId: 'tpl-1' } })).toBe(true);
    expect(travelsWithClosedTicket({ kind: 'reply', data: { templateId: '' } })).toBe(false);
    expect(travelsWithClosedTicket({ kind: 'reply', data: { templateId: 7 } })).toBe(false);
  });
});
