/**
 * `npm run server` (start): opens the database (running migrations), serves HTTP, and shuts down
 * gracefully on SIGTERM/SIGINT: streams closed, in-flight requests finished, database closed.
 */
import { buildServer } from '../app.ts';
import type { ChannelManagerOptions } from '../channels/channelManager.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { parseOriginList } from '../http/corsOrigins.ts';
import { existsSync, readFileSync } from 'node:fs';
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
    'trust-proxy': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'insecure-http': { type: 'boolean' },
    'session-idle-days': { type: 'string' },
    updates: { type: 'string' },
  });
  const port = positiveInt(flags.port, 'port', 8787);
  if (port > 65535) throw new UsageError('Параметр --port: от 0 до 65535.');
  const host = flags.host ?? '127.0.0.1';
  const tls = readTls(flags['tls-cert'], flags['tls-key']);
  if (!tls && !isLoopback(host) && flags['insecure-http'] !== true) {
    throw new UsageError(
      `Адрес ${host} доступен из сети, а без TLS пароли и токены пойдут по ней открытым текстом. ` +
        'Укажите --tls-cert и --tls-key, или оставьте 127.0.0.1 за обратным прокси с HTTPS (README, «За обратным прокси»), ' +
        'или, если сеть доверенная, явно --insecure-http.',
    );
  }
  const idleDays = Number(flags['session-idle-days'] ?? process.env.PASS24_SESSION_IDLE_DAYS ?? 7);
  if (!Number.isFinite(idleDays) || idleDays <= 0) throw new UsageError('Параметр --session-idle-days: число дней больше нуля.');
  const ttlDays = Number(process.env.PASS24_TOKEN_TTL_DAYS ?? 30);
  const target = databaseTarget(flags);
  const updatesDir = flags.updates ?? process.env.PASS24_UPDATES_DIR;
  if (updatesDir !== undefined && !existsSync(updatesDir)) {
    throw new UsageError(`Параметр --updates: папки ${updatesDir} нет (в ней — артефакты electron-builder и latest*.yml).`);
  }

  const database = await openDatabase(target);
  const app = await buildServer({
    database,
    logger: { level: flags['log-level'] ?? process.env.LOG_LEVEL ?? 'info' },
    corsOrigins: parseOriginList(flags['cors-origin'] ?? process.env.PASS24_CORS_ORIGINS),
    ...(tls ? { tls } : {}),
    sessionIdleMs: idleDays * 24 * 60 * 60 * 1000,
    trustProxy: parseTrustProxy(flags['trust-proxy'] ?? process.env.PASS24_TRUST_PROXY),
    tokenTtlMs: (Number.isFinite(ttlDays) && ttlDays > 0 ? ttlDays : 30) * 24 * 60 * 60 * 1000,
    channels: channelOptionsFromEnv(process.env),
    ...(updatesDir ? { updatesDir } : {}),
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

/** 127.0.0.1, ::1, localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** --tls-cert and --tls-key (PEM files), both or neither. */
function readTls(certFile: string | undefined, keyFile: string | undefined): { cert: Buffer; key: Buffer } | null {
  if (certFile === undefined && keyFile === undefined) return null;
  if (!certFile || !keyFile) throw new UsageError('Для HTTPS нужны оба параметра: --tls-cert и --tls-key.');
  try {
    return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
  } catch (error) {
    throw new UsageError(`Не удалось прочитать сертификат или ключ: ${(error as Error).message}`);
  }
}
