/**
 * The first sync in order of need (docs/sync.md, "First sync in order of need"): the open tickets
 * first, so the queue is usable as soon as they are stored, then the small collections, then the
 * finished tickets of the window with the timeline, then the knowledge base.
 *
 * The tickets' scoped pull is walked in two parts, each with its own (updatedAt, id) checkpoint:
 * `open` (open tickets and tombstones), then `closed` (finished tickets within the window). Once
 * both are through, the whole scope continues from the earlier of the two checkpoints: a ticket
 * written after it is pulled again (the desk already holds an equal state and writes nothing), and
 * one written before it was in the part it still belongs to when that part passed it, so nothing
 * is skipped.
 */
import type { Checkpoint } from '../protocol.ts';
import { checkpointAtLeast } from './pullPacing.ts';

export type TicketPart = 'open' | 'closed';

/**
 * The tickets' checkpoint as the desk stores it, with the window it was pulled under: during a
 * first sync the part it is in (`open`, `closed`) with each part's checkpoint, then `whole` from
 * `id`/`updatedAt` (none: from the start). Every key is always written: RxDB merges a new
 * checkpoint into the previous one (Object.assign), so a key left out would survive from it.
 */
export interface TicketsCheckpoint {
  part?: TicketPart | 'whole' | null;
  open?: Checkpoint | null;
  closed?: Checkpoint | null;
  id?: string | null;
  updatedAt?: number | null;
  windowDays?: number;
}

/** The next tickets pull: one part from its checkpoint, or the whole scope. */
export type TicketsPhase =
  | { part: 'open'; open: Checkpoint | null }
  | { part: 'closed'; open: Checkpoint | null; closed: Checkpoint | null }
  | { part: null; from: Checkpoint | null };

/** The checkpoint that stores `phase` (every key written). */
export function checkpointOfPhase(phase: TicketsPhase, windowDays: number): TicketsCheckpoint {
  if (phase.part === null) {
    return {
      part: 'whole',
      open: null,
      closed: null,
      id: phase.from?.id ?? null,
      updatedAt: phase.from?.updatedAt ?? null,
      windowDays,
    };
  }
  return {
    part: phase.part,
    open: phase.open,
    closed: phase.part === 'closed' ? phase.closed : null,
    id: null,
    updatedAt: null,
    windowDays,
  };
}

/**
 * Where to continue from the stored checkpoint under `windowDays`: a checkpoint of another window
 * (or of none) is not continued, and the first sync starts over with the open part.
 */
export function ticketsPhaseOf(checkpoint: TicketsCheckpoint | null | undefined, windowDays: number): TicketsPhase {
  if (!checkpoint || checkpoint.windowDays !== windowDays) return { part: 'open', open: null };
  if (checkpoint.part === 'open') return { part: 'open', open: checkpoint.open ?? null };
  if (checkpoint.part === 'closed') return { part: 'closed', open: checkpoint.open ?? null, closed: checkpoint.closed ?? null };
  const { id, updatedAt } = checkpoint;
  const from = typeof id === 'string' && typeof updatedAt === 'number' ? { id, updatedAt } : null;
  // A checkpoint from before the parts (no `part`) with no position is no checkpoint.
  if (!from && checkpoint.part !== 'whole') return { part: 'open', open: null };
  return { part: null, from };
}

/** Whether the queue's tickets (the open part) are all stored once pulls are at `phase`. */
export function openTicketsDone(phase: TicketsPhase): boolean {
  return phase.part !== 'open';
}

/**
 * The earlier of two part checkpoints. A part that returned nothing has none (null): the whole
 * scope must then start from nothing too, since null says nothing about how far it got.
 */
export function earlierCheckpoint(a: Checkpoint | null, b: Checkpoint | null): Checkpoint | null {
  if (!a || !b) return null;
  return checkpointAtLeast(a, b) ? b : a;
}

/** The phase after `phase`'s part is through, having got as far as `reached`. */
export function phaseAfter(phase: Exclude<TicketsPhase, { part: null }>, reached: Checkpoint | null): TicketsPhase {
  if (phase.part === 'open') return { part: 'closed', open: reached, closed: null };
  return { part: null, from: earlierCheckpoint(phase.open, reached) };
}

/**
 * After a part's page of `count` documents (of `batchSize` asked for): the checkpoint to store
 * with them, and whether the part is through (a short page; RxDB then ends its pull, and the desk
 * must ask for the next part), or, for an empty page, the phase to pull next at once. A
 * whole-scope page is the caller's to handle as any pull.
 */
export function afterPartPage(
  phase: Exclude<TicketsPhase, { part: null }>,
  count: number,
  checkpoint: Checkpoint | null,
  windowDays: number,
  batchSize: number,
): { store: TicketsCheckpoint; partDone: boolean } | { next: TicketsPhase } {
  const current = phase.part === 'open' ? phase.open : phase.closed;
  const reached = checkpoint ?? current;
  if (count === 0) return { next: phaseAfter(phase, reached) };
  if (count < batchSize) return { store: checkpointOfPhase(phaseAfter(phase, reached), windowDays), partDone: true };
  const same: TicketsPhase = phase.part === 'open' ? { part: 'open', open: reached } : { ...phase, closed: reached };
  return { store: checkpointOfPhase(same, windowDays), partDone: false };
}

/** Order of the phases: the open part, the closed part, the whole scope. */
function rankOf(c: TicketsCheckpoint): number {
  return c.part === 'open' ? 0 : c.part === 'closed' ? 1 : 2;
}

function positionOf(c: TicketsCheckpoint): Checkpoint | null {
  if (c.part === 'open') return c.open ?? null;
  if (c.part === 'closed') return c.closed ?? null;
  return typeof c.id === 'string' && typeof c.updatedAt === 'number' ? { id: c.id, updatedAt: c.updatedAt } : null;
}

/** Whether tickets checkpoint `a` is at or after `b` (for the pull pacing, shared/sync/pullPacing.ts). */
export function ticketsCheckpointAtLeast(a: TicketsCheckpoint | null | undefined, b: TicketsCheckpoint): boolean {
  if (!a) return false;
  if (rankOf(a) !== rankOf(b)) return rankOf(a) > rankOf(b);
  const target = positionOf(b);
  return !target || checkpointAtLeast(positionOf(a), target);
}

/** What a first sync brings, in the order it arrives (the status bar's «Ещё загружаются: …»). */
export type ArrivingPart = 'openTickets' | 'clients' | 'agents' | 'templates' | 'config' | 'closedTickets' | 'events' | 'kb';
export const arrivalOrder: readonly ArrivingPart[] = [
  'openTickets',
  'clients',
  'agents',
  'templates',
  'config',
  'closedTickets',
  'events',
  'kb',
];

/**
 * The parts not yet stored, given the collections whose first pull is done and whether the open
 * tickets are in (the tickets' first pull is done only when the finished ones are in too).
 */
export function stillArriving(caughtUp: readonly string[], openTicketsIn: boolean): ArrivingPart[] {
  return arrivalOrder.filter((part) => {
    if (part === 'openTickets') return !openTicketsIn && !caughtUp.includes('tickets');
    if (part === 'closedTickets') return !caughtUp.includes('tickets');
    return !caughtUp.includes(part);
  });
}
