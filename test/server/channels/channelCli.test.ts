/**
 * Channels on the command line and across instances: `channel add email` (password from stdin
 * only, never printed or listed), `channel list`, `channel disable`; two instances on one
 * PostgreSQL fetch a mailbox once, and the other takes over when the holder stops.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { openDatabase, type Database } from '../../../server/db/openDatabase.ts';
import { startDovecot, type DovecotServer } from '../../support/dovecotServer.ts';
import { appendMail } from '../../support/smtpSink.ts';
import { ApiClient } from '../support/apiClient.ts';
import { desk, eventually, fastChannels, mailFromClient } from '../support/emailWorld.ts';
import { createPostgresDatabase } from '../support/testDatabase.ts';
import { signedIn, startServerOn } from '../support/testServer.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

function cli(args: string[], env: Record<string, string>, input?: string) {
  const res = spawnSync(process.execPath, ['server/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('channels from the CLI, two instances on one PostgreSQL', () => {
  let dovecot: DovecotServer;
  let url: string;
  const databases: Database[] = [];
  beforeAll(async () => {
    dovecot = await startDovecot();
    dovecot.addUser(desk.address, desk.password);
    url = await createPostgresDatabase('channel_cli');
  });
  afterAll(async () => {
    for (const d of databases) await d.close().catch(() => {});
    dovecot.stop();
  });

  const addArgs = () => [
    'channel',
    'add',
    'email',
    '--imap-host',
    dovecot.host,
    '--imap-port',
    String(dovecot.port),
    '--smtp-host',
    '127.0.0.1',
    '--smtp-port',
    '2525',
    '--user',
    desk.address,
    '--from',
    desk.address,
    '--poll-seconds',
    '5',
  ];

  it('adds a channel with the password from stdin, lists it without the password, refuses it without one', () => {
    const env = { DATABASE_URL: url };
    const noPassword = cli(addArgs(), env);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/stdin/);
    const added = cli(addArgs(), env, `${desk.password}\n`);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Канал email support@pass24\.test добавлен/);
    expect(cli(addArgs(), env, `${desk.password}\n`).stderr).toMatch(/уже есть/);
    const listed = cli(['channel', 'list'], env);
    expect(listed.stdout).toContain(`support@pass24.test\tвключён\tIMAP ${dovecot.host}:${dovecot.port}`);
    expect(listed.stdout + added.stdout).not.toContain(desk.password);
    // Four CLI processes, each opening the database: minutes on a loaded 2-core machine.
  }, 240_000);

  it('fetches the mailbox on one instance only, and the other takes over when it stops', async () => {
    const a = await openDatabase({ url });
    const b = await openDatabase({ url });
    databases.push(a, b);
    const first = await startServerOn(a, { channels: { ...fastChannels, instanceId: 'first' } });
    const second = await startServerOn(b, { channels: { ...fastChannels, instanceId: 'second' } });
    const { token } = await signedIn(a, 'agent');
    const api = new ApiClient(first.url, token);
    const running = await eventually(async () => {
      const h = (await api.get<HealthResponse>('/api/health')).body;
      return h.channels[0]?.state === 'running' ? h : null;
    }, 'a running connector');
    expect(running.channels).toHaveLength(1);
    const holders = await a.db.selectFrom('channel_leases').select('holder').execute();
    expect(holders).toHaveLength(1);

    for (let i = 1; i <= 5; i++)
      await appendMail(dovecot, desk.address, desk.password, mailFromClient(`Письмо ${i}`, `Текст ${i}`));
    const tickets = async () => (await api.pullAll<Ticket>('tickets')).documents;
    await eventually(async () => (await tickets()).length === 5, 'five tickets');

    const holder = holders[0]!.holder === 'first' ? first : second;
    const other = holder === first ? second : first;
    await holder.app.close();
    await appendMail(dovecot, desk.address, desk.password, mailFromClient('После остановки', 'Текст'));
    const otherApi = new ApiClient(other.url, token);
    await eventually(
      async () => (await otherApi.pullAll<Ticket>('tickets')).documents.some((t) => t.subject === 'После остановки'),
      'the take-over',
      30_000,
    );
    expect((await otherApi.pullAll<Ticket>('tickets')).documents).toHaveLength(6);
    await other.app.close();
  });

  it('disables a channel by address', () => {
    const env = { DATABASE_URL: url };
    expect(cli(['channel', 'disable', '--channel', desk.address], env).code).toBe(0);
    expect(cli(['channel', 'list'], env).stdout).toContain('отключён');
    expect(cli(['channel', 'disable', '--channel', 'nobody@x.ru'], env).code).toBe(2);
  }, 180_000);
});
