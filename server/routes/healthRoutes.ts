/** GET /api/health: is the database answering, which kind, which version, and the server clock. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { HealthResponse } from '#shared/protocol.ts';
import type { RouteContext } from './routeContext.ts';

export function healthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/health', async (request, reply) => {
    let ok = true;
    try {
      await sql`select 1`.execute(ctx.database.db);
    } catch (error) {
      ok = false;
      request.log.error({ err: error }, 'health: database check failed');
    }
    const body: HealthResponse = { ok, db: ctx.database.kind, version: ctx.version, now: Date.now() };
    return reply.status(ok ? 200 : 503).send(body);
  });
}
