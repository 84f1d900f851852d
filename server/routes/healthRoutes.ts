/**
 * GET /api/health: is the database answering, which kind, which version, the server clock, and each
 * channel connector's state (a failing connector does not make the endpoint unhealthy).
 */
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
    let channels: HealthResponse['channels'] = [];
    if (ok && ctx.channels) {
      channels = await ctx.channels.statuses().catch((error: unknown) => {
        request.log.error({ err: error }, 'health: channel statuses unavailable');
        return [];
      });
    }
    const body: HealthResponse = { ok, db: ctx.database.kind, version: ctx.version, now: Date.now(), channels };
    return reply.status(ok ? 200 : 503).send(body);
  });
}
