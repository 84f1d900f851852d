/**
 * `npm run server` (start): opens the database (running migrations), serves HTTP, and shuts down
 * gracefully on SIGTERM/SIGINT: streams closed, in-flight requests finished, database closed.
 */
import { buildServer } from '../app.ts';
import type { ChannelManagerOptions } from '../channels/channelManager.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { parseOriginList } from '../http/corsOrigins.ts';
import { databaseTarget, describeTarget, parseFlags, positiveInt, UsageError } from './cliOptions.ts';

/** PASS24_CHANNEL_LEASE_SECONDS: how long a dead instance keeps its connectors (default 30). */
function channelOptionsFromEnv(env: NodeJS.ProcessEnv): ChannelManagerOptions {
  const lease = Number(env.PASS24_CHANNEL_LEASE_SECONDS);
  return Number.isFinite(lease) && lease > 0 ? { leaseMs: lease * 1000 } : {};
}

export async function startCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'cors-origin': { type: 'string' },
    'log-level': { type: 'string' },
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
    tokenTtlMs: (Number.isFinite(ttlDays) && ttlDays > 0 ? ttlDays : 30) * 24 * 60 * 60 * 1000,
    channels: channelOptionsFromEnv(process.env),
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
