/** Live reads of the reply scripts, their search index, their usage and the tickets to preview with. */
import { useMemo } from 'react';
import { map } from 'rxjs';
import type { ReplyTemplate, Ticket, TicketEvent } from '#shared/schema/index.ts';
import { createScriptIndex, scriptUsage, syncScriptIndex, type ScriptIndex, type ScriptUsage } from '#shared/templates/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/useObservable.ts';

const none: ReplyTemplate[] = [];

export function useScripts(db: DeskDatabase): { scripts: ReplyTemplate[]; loaded: boolean } {
  const scripts = useObservable<ReplyTemplate[] | null>(
    () => db.templates.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as ReplyTemplate))),
    [db],
    null,
  );
  return { scripts: scripts ?? none, loaded: scripts !== null };
}

const indexes = new WeakMap<DeskDatabase, ScriptIndex>();

/**
 * One index per database, shared by the section and the picker and kept for the session, so
 * opening the picker does not index every script again; it follows the list incrementally (a
 * synced edit re-indexes one script).
 */
export function useScriptIndex(db: DeskDatabase, scripts: readonly ReplyTemplate[], loaded: boolean): ScriptIndex {
  let index = indexes.get(db);
  if (!index) {
    index = createScriptIndex();
    indexes.set(db, index);
  }
  const held = index;
  // Until the query has answered the list is empty: syncing to it would empty the shared index.
  useMemo(() => loaded && syncScriptIndex(held, scripts), [held, scripts, loaded]);
  return held;
}

/**
 * Usage counted from the timeline, live: a reply or a call made by a script on any desk (synced
 * here) counts at once. Timeline entries are insert-only, so RxDB keeps the query's result up to
 * date from each new entry without scanning the timeline again. null while the first count runs.
 */
export function useScriptUsage(db: DeskDatabase): Map<string, ScriptUsage> | null {
  return useObservable<Map<string, ScriptUsage> | null>(
    () =>
      db.events
        .find({ selector: { 'data.templateId': { $exists: true } } })
        .$.pipe(map((docs) => scriptUsage(docs.map((d) => d.toJSON() as TicketEvent)))),
    [db],
    null,
  );
}

/** The latest tickets, to preview a script with (the editor's ticket choice). */
export function useRecentTickets(db: DeskDatabase, limit = 40): Ticket[] {
  return useObservable(
    () =>
      db.tickets
        .find({ sort: [{ createdAt: 'desc' }, { id: 'desc' }], limit })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket))),
    [db, limit],
    [],
  );
}
