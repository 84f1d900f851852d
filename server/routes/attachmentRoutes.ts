/**
 * GET /api/attachments/:id: a file a client sent with a message (or the message's original),
 * downloaded on demand by a signed-in agent. Attachments are not replicated: the timeline lists
 * them, the endpoint keeps them. Always served as a download, never rendered by the browser.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/httpError.ts';
import type { RouteContext } from './routeContext.ts';

/** Types a browser could execute or render are served as plain bytes. */
const renderable = /html|xml|javascript|ecmascript|svg/i;

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function attachmentRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/attachments/:id', { preHandler: ctx.authenticate }, async (request, reply) => {
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || id.length === 0 || id.length > 40) {
      throw new HttpError(400, 'invalid_request', 'Неверный идентификатор вложения.');
    }
    const row = await ctx.database.db
      .selectFrom('attachments')
      .select(['filename', 'content_type', 'content'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'not_found', 'Вложение не найдено.');
    const type = renderable.test(row.content_type) ? 'application/octet-stream' : row.content_type || 'application/octet-stream';
    return reply
      .header('content-type', type)
      .header('content-disposition', contentDisposition(row.filename))
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(row.content));
  });
}
