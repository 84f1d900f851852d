/**
 * `npm run server` (start): opens the database (running migrations), serves HTTP, and shuts down
 * gracefully on SIGTERM/SIGINT: streams closed, in-flight requests finished, database closed.
 */
import { buildServer } from '../app.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { parseOriginList } from '../http/corsOrigins.ts';
import { databaseTarget, describeTarget, parseFlags, positiveInt, UsageError } from './cliOptions.ts';

export async function startCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'cors-origin': { type: 'string' },
    'log-level': { type: 'string' },
    'trust-proxy': { type: 'string' },
  });
  const port = positiveInt(flags.port, 'port', 8787);
  if (port > 65535) throw new UsageError('Параметр --port: от 0 до 65535.');
  const host = flags.host ?? '127.0.0.1';
  const ttlDays = Number(process.env.PASS24_TOKEN_TTL_DAYS ?? 30);
  const target = databaseTarget(flags);

  const database = await openDatabase(target);
  const app = await buildServer({
    database,
    logger: { level: flags['log-level'] ?? process.env.LOG_LEVEL ?? 'info' },
    corsOrigins: parseOriginList(flags['cors-origin'] ?? process.env.PASS24_CORS_ORIGINS),
    trustProxy: parseTrustProxy(flags['trust-proxy'] ?? process.env.PASS24_TRUST_PROXY),
    tokenTtlMs: (Number.isFinite(ttlDays) && ttlDays > 0 ? ttlDays : 30) * 24 * 60 * 60 * 1000,
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    void (async () => {
      try {
        await app.close();
        await database.close();
        app.log.info('stopped');
        process.exit(0);
      } catch (error) {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    const url = await app.listen({ port, host });
    app.log.info({ url, db: database.kind, target: describeTarget(target) }, 'central endpoint ready');
  } catch (error) {
    await app.close().catch(() => {});
    await database.close();
    throw error;
  }
}

/**
 * --trust-proxy: whose X-Forwarded-For names the client (the sign-in limits key on the address).
 * Absent or "false": nobody's, the socket's address counts; "true": any proxy's; otherwise a
 * comma-separated list of the proxies' addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8).
 */
export function parseTrustProxy(value: string | undefined): boolean | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (!/^[0-9a-fA-F:./, ]+$/.test(v)) {
    throw new UsageError('Параметр --trust-proxy: true, false или адреса и подсети прокси через запятую (127.0.0.1,10.0.0.0/8).');
  }
  return v;
}
