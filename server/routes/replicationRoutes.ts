/** The replication routes of docs/sync.md: pull, push and the live pull stream. */
import type { FastifyInstance } from 'fastify';
import type { PushResponse } from '#shared/protocol.ts';
import { parsePullQuery, pullDocuments } from '../replication/pullDocuments.ts';
import { pushDocuments } from '../replication/pushDocuments.ts';
import { parseScopeQuery } from '../replication/workingSetScope.ts';
import { agentOf } from '../http/authenticate.ts';
import { recordAudit } from '../admin/auditLog.ts';
import { settingsAuditEntry } from '../admin/settingsAudit.ts';
import { collectionParam } from './collectionParam.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';
import { openPullStream } from './pullStream.ts';

export function replicationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/replication/:collection/pull', { onRequest: ctx.authenticate }, async (request, reply) => {
    const collection = collectionParam(request.params);
    const query = request.query as Record<string, unknown>;
    const { after, limit } = parsePullQuery(query);
    const scope = parseScopeQuery(query, ctx.clock(), collection);
    const page = await pullDocuments(db, collection, after, limit, scope);
    return reply.type('application/json; charset=utf-8').send(page.json);
  });

  app.post('/api/replication/:collection/push', { onRequest: ctx.authenticate, bodyLimit: bodyLimits.push }, async (request) => {
    const collection = collectionParam(request.params);
    const agent = agentOf(request);
    const result = await pushDocuments(db, collection, request.body, { id: agent.id, role: agent.role });
    if (result.rejected.length > 0) {
      request.log.info(
        { collection, rejected: result.rejected.map((r) => ({ id: r.id, code: r.code })) },
        'push: documents rejected',
      );
    }
    // Settings saved by the head or an admin join the admin's audit trail.
    if (collection === 'config') {
      for (const doc of result.written) {
        await recordAudit(db, { id: agent.id, login: agent.login }, settingsAuditEntry(doc as { id: string; value?: unknown }));
      }
    }
    const response: PushResponse<unknown> = { conflicts: result.conflicts, rejected: result.rejected };
    return response;
  });

  app.get('/api/replication/:collection/pull/stream', { onRequest: ctx.authenticate }, async (request, reply) => {
    const collection = collectionParam(request.params);
    await openPullStream(request, reply, collection, ctx);
  });
}
