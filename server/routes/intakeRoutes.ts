/** POST /api/intake/tickets: channel connectors (email, messengers, Bitrix24) file tickets with an API key. */
import type { FastifyInstance } from 'fastify';
import { resolveApiKey } from '../auth/apiKeys.ts';
import { HttpError, badRequest } from '../http/httpError.ts';
import { createIntakeTicket } from '../intake/createIntakeTicket.ts';
import { checkIntakeRequest } from '../validation/intakeValidator.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';

export function intakeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.post('/api/intake/tickets', { bodyLimit: bodyLimits.small }, async (request, reply) => {
    const header = request.headers['x-api-key'];
    const key = typeof header === 'string' ? header.trim() : '';
    const apiKey = key ? await resolveApiKey(db, key) : null;
    if (!apiKey) throw new HttpError(401, 'invalid_api_key', 'Нужен действующий ключ API канала в заголовке X-Api-Key.');
    const check = checkIntakeRequest(request.body);
    if (!check.ok) throw badRequest('invalid_request', check.reason);
    const result = await createIntakeTicket(db, check.value, apiKey.channel);
    request.log.info({ channel: apiKey.channel, ticketId: result.id, created: result.created }, 'intake ticket');
    return reply.status(result.created ? 201 : 200).send(result);
  });
}
