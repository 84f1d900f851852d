/**
 * buildServer: the Fastify instance of the central endpoint over an open database. It does not
 * listen and does not own the database (the caller opens and closes it), so tests start as many
 * instances as they like in-process on port 0.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serverTimeHeader } from '#shared/protocol.ts';
import { HashGate, type HashGateOptions } from './auth/hashGate.ts';
import { LoginRateLimiter, type RateLimitOptions } from './auth/loginRateLimiter.ts';
import { defaultSessionIdleMs, defaultTokenTtlMs, deleteOldSessions } from './auth/sessions.ts';
import type { Database } from './db/openDatabase.ts';
import { makeAuthenticate } from './http/authenticate.ts';
import { redactedUrl } from './http/redactedUrl.ts';
import { corsOriginAllowed } from './http/corsOrigins.ts';
import { handleError, handleNotFound } from './http/errorHandler.ts';
import { addSecurityHeaders } from './http/securityHeaders.ts';
import { ChangeFeed } from './replication/changeFeed.ts';
import { ChannelManager, type ChannelManagerOptions } from './channels/channelManager.ts';
import { adminRoutes } from './routes/adminRoutes.ts';
import { WeeklyReviewMailer, type WeeklyReviewOptions } from './reports/weeklyReviewMailer.ts';
import { attachmentRoutes } from './routes/attachmentRoutes.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { bitrix24Routes } from './routes/bitrix24Routes.ts';
import { healthRoutes } from './routes/healthRoutes.ts';
import { intakeRoutes } from './routes/intakeRoutes.ts';
import { kbRoutes } from './routes/kbRoutes.ts';
import { replicationRoutes } from './routes/replicationRoutes.ts';
import { reportRoutes } from './routes/reportRoutes.ts';
import { updateRoutes } from './routes/updateRoutes.ts';
import { bodyLimits, type RouteContext } from './routes/routeContext.ts';
import { telegramWebhookRoutes } from './routes/telegramWebhookRoutes.ts';
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
  /** A session unused this long ends (default 7 days). */
  sessionIdleMs?: number;
  /** Where the JSON logs go (default stdout). */
  logStream?: { write(line: string): unknown };
  /** Serve HTTPS with this certificate chain and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  loginRateLimit?: RateLimitOptions;
  /** At most this many password hashes at once, this many more waiting (sign-ins beyond: 503). */
  passwordHashing?: HashGateOptions;
  /**
   * Which proxies' X-Forwarded-For gives the client address (the sign-in limits key on it):
   * false (default: the socket's address), true (any), or a comma-separated list of addresses and CIDRs.
   */
  trustProxy?: boolean | string;
  /** Serve the desktop app's updates from this folder at /updates/ (electron-builder's artefacts). */
  updatesDir?: string;
  /** Run the workspace's channel connectors (default true); options for tests. */
  channels?: boolean | ChannelManagerOptions;
  /** The clock the working set's window is measured by (default Date.now); tests move it. */
  clock?: () => number;
  /** Mail the weekly SLA review when the workspace asks for it (default true with channels); options for tests. */
  weeklyReview?: boolean | WeeklyReviewOptions;
}

/** Paths of secrets that must never reach a log line. */
const redactPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
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
          ...(options.logStream ? { stream: options.logStream } : {}),
          // A query string may carry a secret (a token put in ?access_token=): its values are not logged.
          serializers: {
            req: (req: { method: string; url: string; ip?: string; socket?: { remotePort?: number } }) => ({
              method: req.method,
              url: redactedUrl(req.url),
              remoteAddress: req.ip,
              remotePort: req.socket?.remotePort,
            }),
          },
        };
  // One instance type whether it serves HTTP or HTTPS: the routes do not care which.
  const app = Fastify({
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
    logger,
    bodyLimit: bodyLimits.small,
    trustProxy: options.trustProxy ?? false,
    // Idle keep-alive sockets close with the server; SSE streams are ended in preClose.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  } as FastifyServerOptions) as unknown as FastifyInstance;

  const feed = new ChangeFeed(options.database, app.log);
  await feed.start();
  const channels =
    options.channels === false
      ? null
      : new ChannelManager(options.database, app.log, typeof options.channels === 'object' ? options.channels : {});
  // The review goes out through the channels' queue: without the channels there is nothing to send it.
  const weeklyReview =
    channels === null || options.weeklyReview === false
      ? null
      : new WeeklyReviewMailer(options.database, app.log, {
          onQueued: () => channels.work(),
          ...(typeof options.weeklyReview === 'object' ? options.weeklyReview : {}),
        });
  const ctx: RouteContext = {
    channels,
    database: options.database,
    feed,
    authenticate: makeAuthenticate(options.database.db, options.sessionIdleMs ?? defaultSessionIdleMs),
    loginLimiter: new LoginRateLimiter(options.loginRateLimit),
    hashGate: new HashGate(options.passwordHashing),
    tokenTtlMs: options.tokenTtlMs ?? defaultTokenTtlMs,
    sessionIdleMs: options.sessionIdleMs ?? defaultSessionIdleMs,
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
  attachmentRoutes(app, ctx);
  ticketRoutes(app, ctx);
  adminRoutes(app, ctx);
  if (options.updatesDir) updateRoutes(app, options.updatesDir);
  kbRoutes(app, ctx);
  telegramWebhookRoutes(app, ctx);
  bitrix24Routes(app, ctx);

  // Ended sessions are deleted after a while: at start and every hour.
  const pruneSessions = () => {
    deleteOldSessions(options.database.db, Date.now(), ctx.sessionIdleMs).catch((error: unknown) =>
      app.log.warn({ err: error }, 'deleting old sessions failed'),
    );
  };
  pruneSessions();
  const pruneTimer = setInterval(pruneSessions, 60 * 60_000);
  pruneTimer.unref();

  app.addHook('preClose', async () => {
    clearInterval(pruneTimer);
    for (const close of [...ctx.streams]) close();
  });
  app.addHook('onReady', async () => {
    await channels?.start();
    weeklyReview?.start();
  });
  app.addHook('onClose', async () => {
    await weeklyReview?.stop();
    await channels?.stop();
    await feed.stop();
  });
  return app;
}
