/**
 * The archive's search: the endpoint's `GET /api/tickets/search` over every ticket (docs/sync.md,
 * "Archive"); when the endpoint cannot be reached, the same words over the tickets this desk keeps,
 * said as such on screen.
 */
import type { Ticket } from '#shared/schema/index.ts';
import type { TicketStatus } from '#shared/vocabulary/enums.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { ApiRequestError, type ApiClient } from '../../sync/apiClient.ts';

export interface ArchiveFilters {
  q: string;
  status: TicketStatus | null;
  /** The tickets of one client (the client page). */
  clientId?: string | null;
}

export interface ArchivePage {
  tickets: Ticket[];
  nextCursor: string | null;
  /** `local`: the endpoint was unreachable, only this desk's tickets were searched. */
  source: 'server' | 'local';
}

export const archivePageSize = 50;

export function archiveSearchParams(filters: ArchiveFilters, cursor: string | null): URLSearchParams {
  const params = new URLSearchParams({ limit: String(archivePageSize) });
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.status) params.set('status', filters.status);
  if (filters.clientId) params.set('clientId', filters.clientId);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** Every word of the query in the ticket's number, subject or description (case folded). */
export function matchesLocally(ticket: Ticket, filters: ArchiveFilters): boolean {
  if (filters.status && ticket.status !== filters.status) return false;
  if (filters.clientId && ticket.clientId !== filters.clientId) return false;
  const words = filters.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const text = `${ticket.number ?? ''} ${ticket.subject} ${ticket.description}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export async function searchLocal(db: DeskDatabase, filters: ArchiveFilters): Promise<Ticket[]> {
  const all = await db.tickets.find().exec();
  return all
    .map((d) => d.toJSON() as Ticket)
    .filter((t) => matchesLocally(t, filters))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .slice(0, archivePageSize);
}

export async function searchArchive(
  api: ApiClient,
  db: DeskDatabase,
  filters: ArchiveFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ArchivePage> {
  try {
    const page = await api.searchTickets<Ticket>(archiveSearchParams(filters, cursor), signal);
    return { ...page, source: 'server' };
  } catch (err) {
    if (err instanceof ApiRequestError && err.kind === 'network') {
      return { tickets: await searchLocal(db, filters), nextCursor: null, source: 'local' };
    }
    throw err;
  }
}
