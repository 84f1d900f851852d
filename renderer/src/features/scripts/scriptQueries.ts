/** Live reads of the reply scripts, their search index, their usage and the tickets to preview with. */
import { useCallback, useEffect, useMemo, useState } from 'react';
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
 * Usage counted from the timeline once when asked (opening the section, after a save): a scan of
 * the events is too heavy to repeat on every synced event. null while counting.
 */
export function useScriptUsage(db: DeskDatabase): { usage: Map<string, ScriptUsage> | null; recount(): void } {
  const [usage, setUsage] = useState<Map<string, ScriptUsage> | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void db.events
      .find({ selector: { 'data.templateId': { $exists: true } } })
      .exec()
      .then((docs) => {
        if (live) setUsage(scriptUsage(docs.map((d) => d.toJSON() as TicketEvent)));
      })
      .catch((err: unknown) => console.error('script usage count failed', err));
    return () => {
      live = false;
    };
  }, [db, round]);
  const recount = useCallback(() => setRound((r) => r + 1), []);
  return { usage, recount };
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
