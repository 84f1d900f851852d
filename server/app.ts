/**
 * buildServer: the Fastify instance of the central endpoint over an open database. It does not
 * listen and does not own the database (the caller opens and closes it), so tests start as many
 * instances as they like in-process on port 0.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { serverTimeHeader } from '#shared/protocol.ts';
import { LoginRateLimiter, type RateLimitOptions } from './auth/loginRateLimiter.ts';
import { defaultTokenTtlMs } from './auth/sessions.ts';
import type { Database } from './db/openDatabase.ts';
import { makeAuthenticate } from './http/authenticate.ts';
import { corsOriginAllowed } from './http/corsOrigins.ts';
import { handleError, handleNotFound } from './http/errorHandler.ts';
import { addSecurityHeaders } from './http/securityHeaders.ts';
import { ChangeFeed } from './replication/changeFeed.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { healthRoutes } from './routes/healthRoutes.ts';
import { intakeRoutes } from './routes/intakeRoutes.ts';
import { replicationRoutes } from './routes/replicationRoutes.ts';
import { reportRoutes } from './routes/reportRoutes.ts';
import { bodyLimits, type RouteContext } from './routes/routeContext.ts';
import { ticketRoutes } from './routes/ticketRoutes.ts';
import { serverVersion } from './version.ts';

export interface ServerOptions {
  database: Database;
  /** Structured JSON logs (pino). Default: info level to stdout; false for silence (tests). */
  logger?: boolean | { level: string };
  /** Extra browser origins allowed besides the app's own (Electron's `null`, loopback). */
  corsOrigins?: readonly string[];
  /** Session token lifetime (default 30 days). */
  tokenTtlMs?: number;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  loginRateLimit?: RateLimitOptions;
  /** Trust X-Forwarded-For from a reverse proxy (for the per-IP login limit). Default false. */
  trustProxy?: boolean;
  /** The clock the working set's window is measured by (default Date.now); tests move it. */
  clock?: () => number;
}

/** Paths of secrets that must never reach a log line. */
const redactPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'body.password',
  'password',
  'token',
  'key',
];

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === false
      ? false
      : {
          level: typeof options.logger === 'object' ? options.logger.level : 'info',
          redact: { paths: redactPaths, censor: '[скрыто]' },
        };
  const app = Fastify({
    logger,
    bodyLimit: bodyLimits.small,
    trustProxy: options.trustProxy ?? false,
    // Idle keep-alive sockets close with the server; SSE streams are ended in preClose.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  const feed = new ChangeFeed(options.database, app.log);
  await feed.start();
  const ctx: RouteContext = {
    database: options.database,
    feed,
    authenticate: makeAuthenticate(options.database.db),
    loginLimiter: new LoginRateLimiter(options.loginRateLimit),
    tokenTtlMs: options.tokenTtlMs ?? defaultTokenTtlMs,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    version: serverVersion,
    streams: new Set(),
    clock: options.clock ?? Date.now,
  };

  const extraOrigins = options.corsOrigins ?? [];
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || corsOriginAllowed(origin, extraOrigins)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'x-api-key', 'accept', 'cache-control'],
    exposedHeaders: ['Date', serverTimeHeader],
    maxAge: 600,
  });
  // JSON only: a text/plain body is refused with 415 rather than handed to a route as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', addSecurityHeaders);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header(serverTimeHeader, String(Date.now()));
    return payload;
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  replicationRoutes(app, ctx);
  intakeRoutes(app, ctx);
  reportRoutes(app, ctx);
  ticketRoutes(app, ctx);

  app.addHook('preClose', async () => {
    for (const close of [...ctx.streams]) close();
  });
  app.addHook('onClose', async () => {
    await feed.stop();
  });
  return app;
}
