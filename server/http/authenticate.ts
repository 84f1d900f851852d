/**
 * Bearer-token authentication, run on arrival (an onRequest hook): a request without a valid
 * token is answered 401 before its body is read. The signed-in agent of a request is kept beside it (a WeakMap,
 * not a decorator) so route code reads it through a typed function.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AgentProfile } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { resolveSession } from '../auth/sessions.ts';
import { bearerToken } from '../auth/tokens.ts';
import { HttpError } from './httpError.ts';

const agents = new WeakMap<FastifyRequest, AgentProfile>();

export function unauthorized(
  message = 'Нужен вход: передайте действующий токен в заголовке Authorization: Bearer <токен>.',
): HttpError {
  return new HttpError(401, 'unauthorized', message, { 'www-authenticate': 'Bearer' });
}

export function makeAuthenticate(db: Kysely<DbSchema>, idleMs?: number) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized();
    const agent = await resolveSession(db, token, Date.now(), idleMs);
    if (!agent)
      throw unauthorized('Токен недействителен: срок истёк, сеанс завершён или учётная запись отключена. Войдите снова.');
    agents.set(request, agent);
  };
}

/** The signed-in agent; only valid on routes behind `authenticate`. */
export function agentOf(request: FastifyRequest): AgentProfile {
  const agent = agents.get(request);
  if (!agent) throw unauthorized();
  return agent;
}
