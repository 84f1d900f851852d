/**
 * GET /api/kb/:id/versions: an article's earlier versions with who stored each and when, newest
 * first, for any signed-in account (every account reads the base). Versions are not replicated:
 * the desk asks for them when the history is opened.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/httpError.ts';
import { listKbVersions } from '../replication/kbVersions.ts';
import type { RouteContext } from './routeContext.ts';

export function kbRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/kb/:id/versions', { preHandler: ctx.authenticate }, async (request) => {
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || id.length === 0 || id.length > 40) {
      throw new HttpError(400, 'invalid_request', 'Неверный идентификатор статьи.');
    }
    return { versions: await listKbVersions(ctx.database.db, id) };
  });
}
