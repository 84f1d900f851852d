/**
 * The archive's routes (docs/sync.md, "Archive"): search over every ticket, one ticket with its
 * timeline, and reopening a ticket the desk does not keep.
 */
import type { FastifyInstance } from 'fastify';
import { parseArchiveQuery } from '#shared/search/archiveQuery.ts';
import { invalid } from '../domainErrors.ts';
import { HttpError } from '../http/httpError.ts';
import { agentOf } from '../http/authenticate.ts';
import { searchArchive, ticketWithEvents } from '../tickets/archiveQueries.ts';
import { reopenTicket } from '../tickets/reopenTicket.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';

export function ticketRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/tickets/search', { preHandler: ctx.authenticate }, async (request, reply) => {
    const parsed = parseArchiveQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) throw invalid(parsed.code, parsed.reason);
    const page = await searchArchive(db, parsed.query);
    return reply.type('application/json; charset=utf-8').send(page.json);
  });

  app.get('/api/tickets/:id', { preHandler: ctx.authenticate }, async (request, reply) => {
    const id = ticketIdParam(request.params);
    const json = await ticketWithEvents(db, id);
    if (json === null) throw new HttpError(404, 'ticket_not_found', `Обращение ${id} не найдено.`);
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.post('/api/tickets/:id/reopen', { onRequest: ctx.authenticate, bodyLimit: bodyLimits.small }, async (request) => {
    const id = ticketIdParam(request.params);
    const body = request.body as { reason?: unknown } | null;
    if (typeof body !== 'object' || body === null || typeof body.reason !== 'string' || body.reason.length > 5000)
      throw invalid('invalid_request', 'Тело запроса: {"reason": "что не решено"}, до 5000 символов.');
    const ticket = await reopenTicket(db, id, body.reason, agentOf(request), ctx.clock());
    return { ticket };
  });
}

function ticketIdParam(params: unknown): string {
  const id = (params as { id: string }).id;
  if (!/^[\w-]{1,40}$/.test(id))
    throw invalid('invalid_parameter', 'Идентификатор обращения: буквы, цифры, «-» и «_», до 40 символов.');
  return id;
}
