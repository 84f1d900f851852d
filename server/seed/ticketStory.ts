/**
 * One demo ticket's life as timed steps (taken, contacted, waiting, escalated, resolved,
 * confirmed...), played up to "now": steps after now have not happened yet, so recent tickets
 * stay open in whatever status they reached.
 */
import type { EventKind, TicketStatus } from '#shared/vocabulary/enums.ts';
import type { Actor } from '#shared/domain/workflow.ts';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { Prng } from './prng.ts';

type Step = { at: number; actor: Actor | null; apply: (ticket: Ticket, at: number) => void };
type EventData = TicketEvent['data'];

export class TicketStory {
  private readonly steps: Step[] = [];
  private readonly prng: Prng;
  readonly ticket: Ticket;
  readonly events: TicketEvent[] = [];

  constructor(ticket: Ticket, prng: Prng) {
    this.ticket = ticket;
    this.prng = prng;
  }

  step(at: number, actor: Actor | null, apply: (ticket: Ticket, at: number) => void): void {
    this.steps.push({ at: Math.round(at), actor, apply });
  }

  event(
    at: number,
    actor: Actor | null,
    authorName: string,
    kind: EventKind,
    isPublic: boolean,
    body: string,
    data: EventData = {},
  ): void {
    this.step(at, actor, (t, when) => {
      this.events.push({
        id: this.prng.id('e'),
        ticketId: t.id,
        kind,
        at: when,
        authorId: actor?.id ?? '',
        authorName: actor?.name ?? authorName,
        public: isPublic,
        body,
        data,
        updatedAt: 0,
      });
    });
  }

  move(at: number, actor: Actor | null, to: TicketStatus): void {
    this.step(at, actor, (t, when) => {
      const from = t.status;
      if (from === to) return;
      t.status = to;
      t.statusLog = [...t.statusLog, { status: to, at: when }];
      this.events.push({
        id: this.prng.id('e'),
        ticketId: t.id,
        kind: 'status_changed',
        at: when,
        authorId: actor?.id ?? '',
        authorName: actor?.name ?? '',
        public: false,
        body: '',
        data: { from, to },
        updatedAt: 0,
      });
    });
  }

  /** Applies the steps up to `now` in time order (stable for equal instants). */
  play(now: number): void {
    const ordered = this.steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i);
    for (const { s } of ordered) {
      if (s.at > now) break;
      s.apply(this.ticket, s.at);
      if (s.actor || s.at > this.ticket.editedAt) {
        this.ticket.editedAt = Math.max(this.ticket.editedAt, s.at);
        if (s.actor) this.ticket.editedBy = s.actor.id;
      }
    }
  }
}
