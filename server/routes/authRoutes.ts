/** Sign-in, sign-out and "who am I": /api/auth/* (docs/sync.md, "Authentication"). */
import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '#shared/protocol.ts';
import type { Role } from '#shared/vocabulary/enums.ts';
import { findAccountForLogin } from '../auth/accounts.ts';
import { HashGateBusy } from '../auth/hashGate.ts';
import { normaliseLogin } from '../auth/loginName.ts';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.ts';
import { createSession, revokeSession } from '../auth/sessions.ts';
import { bearerToken } from '../auth/tokens.ts';
import { agentOf } from '../http/authenticate.ts';
import { HttpError, badRequest } from '../http/httpError.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';

function readCredentials(body: unknown): { login: string; password: string } {
  const b = body as { login?: unknown; password?: unknown } | null;
  if (typeof b !== 'object' || b === null || typeof b.login !== 'string' || typeof b.password !== 'string') {
    throw badRequest('invalid_request', 'Нужны поля login и password (строки).');
  }
  if (b.login.length === 0 || b.login.length > 100 || b.password.length === 0 || b.password.length > 1000) {
    throw badRequest('invalid_request', 'Логин: от 1 до 100 символов, пароль: от 1 до 1000 символов.');
  }
  return { login: b.login, password: b.password };
}

export function authRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.post('/api/auth/login', { bodyLimit: bodyLimits.small }, async (request) => {
    const credentials = readCredentials(request.body);
    // Normalised once: the limiter and the lookup must see the same login.
    const login = normaliseLogin(credentials.login);
    const password = credentials.password;
    const now = Date.now();
    const wait = ctx.loginLimiter.retryAfter(login, request.ip, now);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, 'too_many_attempts', `Слишком много неудачных попыток входа. Повторите через ${seconds} с.`, {
        'retry-after': String(seconds),
      });
    }
    const account = await findAccountForLogin(db, login);
    // Unknown logins cost one scrypt too, so timing does not tell which logins exist.
    let passwordOk: boolean;
    try {
      passwordOk = await ctx.hashGate.run(() => verifyPassword(password, account?.password_hash ?? dummyPasswordHash));
    } catch (error) {
      if (!(error instanceof HashGateBusy)) throw error;
      throw new HttpError(503, 'busy', 'Сервер занят проверкой других входов. Повторите через секунду.', { 'retry-after': '1' });
    }
    if (!account || !passwordOk || !account.active) {
      ctx.loginLimiter.fail(login, request.ip, now);
      request.log.info({ login: login.slice(0, 100) }, 'login failed');
      throw new HttpError(401, 'invalid_credentials', 'Неверный логин или пароль, либо учётная запись отключена.');
    }
    ctx.loginLimiter.succeed(login, request.ip);
    const { token, expiresAt } = await createSession(db, account.id, ctx.tokenTtlMs, now);
    const response: LoginResponse = {
      token,
      expiresAt,
      agent: { id: account.id, login: account.login, name: account.name, role: account.role as Role },
    };
    return response;
  });

  app.post('/api/auth/logout', { onRequest: ctx.authenticate, bodyLimit: bodyLimits.small }, async (request) => {
    await revokeSession(db, bearerToken(request.headers.authorization)!, Date.now());
    return { ok: true };
  });

  app.get('/api/auth/me', { onRequest: ctx.authenticate }, async (request) => agentOf(request));
}
