/** The first sync in order of need: the tickets' parts and their checkpoints, and what the status bar lists. */
import { describe, expect, it } from 'vitest';
import {
  afterPartPage,
  checkpointOfPhase,
  earlierCheckpoint,
  stillArriving,
  ticketsCheckpointAtLeast,
  ticketsPhaseOf,
} from '#shared/sync/firstSyncOrder.ts';

const cp = (updatedAt: number, id = 'x') => ({ id, updatedAt });

describe('the tickets pull of a first sync', () => {
  it('starts with the open part from nothing, and again when the window changed or the checkpoint has none', () => {
    expect(ticketsPhaseOf(null, 90)).toEqual({ part: 'open', open: null });
    expect(ticketsPhaseOf({ ...cp(5), windowDays: 30 }, 90)).toEqual({ part: 'open', open: null });
    expect(ticketsPhaseOf({ ...cp(5) }, 90)).toEqual({ part: 'open', open: null });
  });

  it('continues the part it was in, or the whole scope', () => {
    expect(ticketsPhaseOf(checkpointOfPhase({ part: 'open', open: cp(3) }, 90), 90)).toEqual({ part: 'open', open: cp(3) });
    expect(ticketsPhaseOf(checkpointOfPhase({ part: 'closed', open: cp(3), closed: cp(1) }, 90), 90)).toEqual({
      part: 'closed',
      open: cp(3),
      closed: cp(1),
    });
    expect(ticketsPhaseOf(checkpointOfPhase({ part: null, from: cp(7) }, 90), 90)).toEqual({ part: null, from: cp(7) });
    expect(ticketsPhaseOf(checkpointOfPhase({ part: null, from: null }, 90), 90)).toEqual({ part: null, from: null });
    // A whole-scope checkpoint from before the parts.
    expect(ticketsPhaseOf({ ...cp(7), windowDays: 90 }, 90)).toEqual({ part: null, from: cp(7) });
  });

  it('writes every key of a checkpoint, since RxDB merges it into the previous one', () => {
    const merged = {
      ...checkpointOfPhase({ part: 'open', open: cp(3) }, 90),
      ...checkpointOfPhase({ part: null, from: cp(9) }, 90),
    };
    expect(ticketsPhaseOf(merged, 90)).toEqual({ part: null, from: cp(9) });
    const back = { ...merged, ...checkpointOfPhase({ part: 'open', open: null }, 90) };
    expect(ticketsPhaseOf(back, 90)).toEqual({ part: 'open', open: null });
  });

  it('stays in a part while its pages are full, and says it is through at a short page', () => {
    expect(afterPartPage({ part: 'open', open: null }, 2, cp(4), 90, 2)).toEqual({
      store: checkpointOfPhase({ part: 'open', open: cp(4) }, 90),
      partDone: false,
    });
    expect(afterPartPage({ part: 'open', open: cp(4) }, 1, cp(5), 90, 2)).toEqual({
      store: checkpointOfPhase({ part: 'closed', open: cp(5), closed: null }, 90),
      partDone: true,
    });
    expect(afterPartPage({ part: 'closed', open: cp(4), closed: null }, 2, cp(9), 90, 2)).toEqual({
      store: checkpointOfPhase({ part: 'closed', open: cp(4), closed: cp(9) }, 90),
      partDone: false,
    });
    expect(afterPartPage({ part: 'closed', open: cp(4), closed: cp(9) }, 1, cp(11), 90, 2)).toEqual({
      store: checkpointOfPhase({ part: null, from: cp(4) }, 90),
      partDone: true,
    });
  });

  it('goes on at once after an empty page: to the closed part, then to the whole scope from the earlier checkpoint', () => {
    expect(afterPartPage({ part: 'open', open: cp(4) }, 0, cp(4), 90, 2)).toEqual({
      next: { part: 'closed', open: cp(4), closed: null },
    });
    expect(afterPartPage({ part: 'closed', open: cp(4), closed: cp(9) }, 0, cp(9), 90, 2)).toEqual({
      next: { part: null, from: cp(4) },
    });
    expect(afterPartPage({ part: 'closed', open: cp(12), closed: cp(9) }, 0, cp(9), 90, 2)).toEqual({
      next: { part: null, from: cp(9) },
    });
  });

  it('starts the whole scope from nothing when a part returned nothing at all', () => {
    expect(earlierCheckpoint(null, cp(3))).toBeNull();
    expect(earlierCheckpoint(cp(3), null)).toBeNull();
    expect(earlierCheckpoint(cp(3, 'b'), cp(3, 'a'))).toEqual(cp(3, 'a'));
  });

  it('orders checkpoints by part, then by (updatedAt, id), for the pull pacing', () => {
    expect(ticketsCheckpointAtLeast({ part: 'closed', open: cp(9), closed: null }, { part: 'open', open: cp(9) })).toBe(true);
    expect(ticketsCheckpointAtLeast(checkpointOfPhase({ part: null, from: null }, 90), { part: 'closed', open: cp(9) })).toBe(
      true,
    );
    expect(ticketsCheckpointAtLeast({ part: 'open', open: cp(9) }, { part: 'closed', open: cp(9), closed: null })).toBe(false);
    expect(ticketsCheckpointAtLeast({ part: 'open', open: cp(5) }, { part: 'open', open: cp(6) })).toBe(false);
    expect(ticketsCheckpointAtLeast(cp(6), cp(6))).toBe(true);
    expect(ticketsCheckpointAtLeast(undefined, cp(1))).toBe(false);
  });
});

describe('what the status bar lists as still arriving', () => {
  it('lists everything in order of need before anything has arrived', () => {
    expect(stillArriving([], false)).toEqual([
      'openTickets',
      'clients',
      'agents',
      'templates',
      'config',
      'closedTickets',
      'events',
      'kb',
    ]);
  });

  it('keeps the closed tickets, not the open ones, once the queue is in', () => {
    expect(stillArriving(['clients', 'agents', 'templates', 'config'], true)).toEqual(['closedTickets', 'events', 'kb']);
  });

  it('lists nothing once every first pull is done', () => {
    expect(stillArriving(['tickets', 'clients', 'agents', 'templates', 'config', 'events', 'kb'], true)).toEqual([]);
  });
});
