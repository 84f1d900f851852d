/** POST /api/intake/tickets: channel connectors (email, messengers, Bitrix24) file tickets with an API key. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IntakeChannel } from '#shared/protocol.ts';
import { resolveApiKey } from '../auth/apiKeys.ts';
import { HttpError, badRequest } from '../http/httpError.ts';
import { createIntakeTicket } from '../intake/createIntakeTicket.ts';
import { checkIntakeRequest } from '../validation/intakeValidator.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';

export function intakeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const apiKeys = new WeakMap<FastifyRequest, { id: string; channel: IntakeChannel }>();

  // The key is checked on arrival, before the body is read: an anonymous body costs nothing.
  const requireApiKey = async (request: FastifyRequest) => {
    const header = request.headers['x-api-key'];
    const key = typeof header === 'string' ? header.trim() : '';
    const apiKey = key ? await resolveApiKey(db, key) : null;
    if (!apiKey) throw new HttpError(401, 'invalid_api_key', 'Нужен действующий ключ API канала в заголовке X-Api-Key.');
    apiKeys.set(request, apiKey);
  };

  app.post('/api/intake/tickets', { onRequest: requireApiKey, bodyLimit: bodyLimits.small }, async (request, reply) => {
    const apiKey = apiKeys.get(request)!;
    const check = checkIntakeRequest(request.body);
    if (!check.ok) throw badRequest('invalid_request', check.reason);
    const result = await createIntakeTicket(db, check.value, apiKey.channel);
    request.log.info({ channel: apiKey.channel, ticketId: result.id, created: result.created }, 'intake ticket');
    return reply.status(result.created ? 201 : 200).send(result);
  });
}
