/**
 * The first sync in order of need (docs/sync.md): the checkpoint stored for each part with every
 * key written, where a stored checkpoint continues, the part a short or empty page leads to, the
 * order of checkpoints the pull pacing waits by, and what the status bar lists.
 */
import { describe, expect, it } from 'vitest';
import {
  afterPartPage,
  checkpointOfPhase,
  openTicketsDone,
  stillArriving,
  ticketsCheckpointAtLeast,
  ticketsPhaseOf,
  type TicketsCheckpoint,
} from '#shared/sync/firstSyncOrder.ts';

const cp = (updatedAt: number, id = 'x') => ({ id, updatedAt });
const fromNothing: TicketsCheckpoint = checkpointOfPhase({ part: null, from: null }, 90);

describe('the checkpoint stored for a phase', () => {
  it('of the open part: no closed checkpoint and no position of the whole scope', () => {
    expect(checkpointOfPhase({ part: 'open', open: cp(3) }, 90)).toStrictEqual({
      part: 'open',
      open: cp(3),
      closed: null,
      id: null,
      updatedAt: null,
      windowDays: 90,
    });
  });

  it('of the closed part: both parts’ checkpoints', () => {
    expect(checkpointOfPhase({ part: 'closed', open: cp(3), closed: cp(1) }, 30)).toStrictEqual({
      part: 'closed',
      open: cp(3),
      closed: cp(1),
      id: null,
      updatedAt: null,
      windowDays: 30,
    });
  });

  it('of the whole scope: its position, the parts’ checkpoints cleared', () => {
    expect(checkpointOfPhase({ part: null, from: cp(7, 't-7') }, 90)).toStrictEqual({
      part: 'whole',
      open: null,
      closed: null,
      id: 't-7',
      updatedAt: 7,
      windowDays: 90,
    });
    expect(fromNothing).toStrictEqual({ part: 'whole', open: null, closed: null, id: null, updatedAt: null, windowDays: 90 });
  });
});

describe('where a stored checkpoint continues', () => {
  it('a checkpoint of the window without a part or a position starts over with the open part', () => {
    expect(ticketsPhaseOf({ windowDays: 90 }, 90)).toEqual({ part: 'open', open: null });
    expect(ticketsPhaseOf({ id: 'x', updatedAt: null, windowDays: 90 }, 90)).toEqual({ part: 'open', open: null });
  });

  it('a whole-scope checkpoint lacking half its position continues the whole scope from nothing', () => {
    expect(ticketsPhaseOf({ part: 'whole', id: 'x', updatedAt: null, windowDays: 90 }, 90)).toEqual({ part: null, from: null });
    expect(ticketsPhaseOf({ part: 'whole', id: null, updatedAt: 5, windowDays: 90 }, 90)).toEqual({ part: null, from: null });
  });
});

describe('the queue’s tickets', () => {
  it('are all stored once the pulls are past the open part', () => {
    expect(openTicketsDone({ part: 'open', open: cp(1) })).toBe(false);
    expect(openTicketsDone({ part: 'closed', open: cp(1), closed: null })).toBe(true);
    expect(openTicketsDone({ part: null, from: null })).toBe(true);
  });
});

describe('an empty page without a checkpoint', () => {
  it('leaves the open part where it had got to', () => {
    expect(afterPartPage({ part: 'open', open: cp(4) }, 0, null, 90, 2)).toEqual({
      next: { part: 'closed', open: cp(4), closed: null },
    });
  });

  it('leaves the closed part where it had got to, and the whole scope starts from the earlier part', () => {
    expect(afterPartPage({ part: 'closed', open: cp(12), closed: cp(9) }, 0, null, 90, 2)).toEqual({
      next: { part: null, from: cp(9) },
    });
    expect(afterPartPage({ part: 'closed', open: cp(4), closed: cp(9) }, 0, null, 90, 2)).toEqual({
      next: { part: null, from: cp(4) },
    });
  });
});

describe('the order of checkpoints the pull pacing waits by', () => {
  it('the closed part comes before the whole scope, however far it got', () => {
    expect(
      ticketsCheckpointAtLeast(
        { part: 'closed', open: cp(9), closed: cp(9) },
        checkpointOfPhase({ part: null, from: cp(1) }, 90),
      ),
    ).toBe(false);
    expect(
      ticketsCheckpointAtLeast(checkpointOfPhase({ part: null, from: cp(1) }, 90), {
        part: 'closed',
        open: cp(1),
        closed: cp(9),
      }),
    ).toBe(true);
  });

  it('within the closed part, by the closed checkpoint, not the open one', () => {
    const at = (closed: number) => ({ part: 'closed' as const, open: cp(9), closed: cp(closed) });
    expect(ticketsCheckpointAtLeast(at(2), at(5))).toBe(false);
    expect(ticketsCheckpointAtLeast(at(5), at(2))).toBe(true);
  });

  it('within the open part, by the open checkpoint', () => {
    const at = (open: number) => ({ part: 'open' as const, open: cp(open), closed: cp(50) });
    expect(ticketsCheckpointAtLeast(at(2), at(5))).toBe(false);
    expect(ticketsCheckpointAtLeast(at(5), at(5))).toBe(true);
  });

  it('within the whole scope, by its position; a position lacking a half is the start', () => {
    const whole = (n: number) => checkpointOfPhase({ part: null, from: cp(n) }, 90);
    expect(ticketsCheckpointAtLeast(whole(3), whole(5))).toBe(false);
    expect(ticketsCheckpointAtLeast(whole(5), whole(3))).toBe(true);
    expect(ticketsCheckpointAtLeast(fromNothing, whole(3))).toBe(false);
    expect(ticketsCheckpointAtLeast(fromNothing, { part: 'whole', id: 'x', updatedAt: null })).toBe(true);
    expect(ticketsCheckpointAtLeast(fromNothing, { part: 'whole', id: null, updatedAt: 5 })).toBe(true);
  });
});

describe('what the status bar lists as still arriving', () => {
  it('no ticket once the tickets’ first pull is done, even before the desk has marked the open ones in', () => {
    expect(stillArriving(['tickets'], false)).toEqual(['clients', 'agents', 'templates', 'config', 'events', 'kb']);
  });
});
