/**
 * How often each script was used, counted from the timeline: a reply or a logged call written
 * from a script carries its id in the event's data (`templateId`). Events are insert-only, so the
 * count never conflicts, which a counter on the script itself would on every desk at once.
 */
import type { TicketEvent } from '../schema/eventSchema.ts';

export interface ScriptUsage {
  count: number;
  lastUsedAt: number;
}

/** The script an entry was written from, or null: what usage counts. */
export function scriptOf(event: Pick<TicketEvent, 'data'>): string | null {
  const id = event.data.templateId;
  return typeof id === 'string' && id !== '' ? id : null;
}

export function scriptUsage(events: Iterable<Pick<TicketEvent, 'at' | 'data'>>): Map<string, ScriptUsage> {
  const usage = new Map<string, ScriptUsage>();
  for (const e of events) {
    const id = scriptOf(e);
    if (id === null) continue;
    const held = usage.get(id);
    if (held) {
      held.count += 1;
      held.lastUsedAt = Math.max(held.lastUsedAt, e.at);
    } else {
      usage.set(id, { count: 1, lastUsedAt: e.at });
    }
  }
  return usage;
}
