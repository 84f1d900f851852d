/**
 * The command line, run as real processes: help, accounts (password from stdin or generated and
 * printed once), API keys, seed, backup/restore into a PGlite folder, graceful SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/openDatabase.ts';
import { createPostgresDatabase } from './support/testDatabase.ts';
import { startServerOn } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';
import { openStream } from './support/sseReader.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

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

describe('server CLI', () => {
  let url: string;
  let env: Record<string, string>;
  let database: Database;
  let api: { url: string; close: () => Promise<void> };
  const dir = mkdtempSync(join(tmpdir(), 'pass24-cli-'));

  beforeAll(async () => {
    url = await createPostgresDatabase('cli');
    env = { DATABASE_URL: url };
    database = await openDatabase({ url });
    const { app, url: apiUrl } = await startServerOn(database);
    api = { url: apiUrl, close: () => app.close() };
  });
  afterAll(async () => {
    await api.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (l: string, p: string) =>
    new ApiClient(api.url, null).post<{ token: string }>('/api/auth/login', { login: l, password: p });

  it('prints help and refuses unknown commands and flags with exit code 2', () => {
    const help = cli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('user add --login L');
    const unknown = cli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Неизвестная команда/);
    expect(cli(['user', 'list', '--colour'], env).code).toBe(2);
  });

  it('adds a user with the password from stdin, without printing it', async () => {
    const res = cli(['user', 'add', '--login', 'ivan', '--name', 'Иван Петров', '--role', 'agent'], env, 'пароль-из-конвейера\n');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).not.toContain('пароль-из-конвейера');
    expect((await login('ivan', 'пароль-из-конвейера')).status).toBe(200);
  });

  it('adds a user with a generated password printed once', async () => {
    const res = cli(['user', 'add', '--login', 'olga', '--name', 'Ольга', '--role', 'head'], env);
    expect(res.code, res.stderr).toBe(0);
    const password = /Пароль \(показан один раз\): (\S+)/.exec(res.stdout)?.[1];
    expect(password).toBeDefined();
    expect((await login('olga', password!)).status).toBe(200);
  });

  it('refuses bad account input with a reason', () => {
    const role = cli(['user', 'add', '--login', 'x1', '--name', 'X', '--role', 'boss'], env, 'длинный-пароль');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/Роль/);
    const dup = cli(['user', 'add', '--login', 'ivan', '--name', 'Иван', '--role', 'agent'], env, 'длинный-пароль');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/уже есть/);
  });

  it('lists and disables users', async () => {
    const list = cli(['user', 'list'], env);
    expect(list.stdout).toMatch(/ivan\tagent\tактивна\tИван Петров/);
    expect(cli(['user', 'disable', '--login', 'ivan'], env).code).toBe(0);
    expect(cli(['user', 'list'], env).stdout).toMatch(/ivan\tagent\tотключена/);
    expect((await login('ivan', 'пароль-из-конвейера')).status).toBe(401);
  });

  it('makes an API key per channel, printed once and usable for intake', async () => {
    const res = cli(['apikey', 'add', '--channel', 'crm'], env);
    expect(res.code, res.stderr).toBe(0);
    const key = res.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^p24k_/);
    const intake = await new ApiClient(api.url, null).post(
      '/api/intake/tickets',
      { channel: 'crm', externalId: 'b24-1', subject: 'Заявка из Битрикс24', description: '', contact: { name: 'Клиент' } },
      { 'x-api-key': key },
    );
    expect(intake.status).toBe(201);
    expect(cli(['apikey', 'add', '--channel', 'fax'], env).code).toBe(2);
  });

  // Five processes, three of them opening a PGlite folder: more than the default minute on a loaded machine.
  it('backs up PostgreSQL and restores into a PGlite folder (--data)', async () => {
    const file = join(dir, 'backup.jsonl');
    const backup = cli(['backup', '--out', file], env);
    expect(backup.code, backup.stderr).toBe(0);
    const dataDir = join(dir, 'restored');
    // The backup carries accounts: refused unless the operator vouches for it.
    const refused = cli(['restore', '--in', file, '--data', dataDir], { DATABASE_URL: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--with-accounts/);
    const restore = cli(['restore', '--in', file, '--data', dataDir, '--with-accounts'], { DATABASE_URL: '' });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/PGlite в папке/);
    const list = cli(['user', 'list', '--data', dataDir], { DATABASE_URL: '' });
    expect(list.stdout).toMatch(/olga\thead\tактивна/);
    const again = cli(['restore', '--in', file, '--data', dataDir], { DATABASE_URL: '' });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/пустое рабочее пространство/);
  }, 180_000);

  it('seeds the demo workspace and prints the demo passwords once', async () => {
    const seedUrl = await createPostgresDatabase('cliseed');
    const res = cli(['seed', '--demo', '--now', '2026-11-20T12:00:00+03:00'], { DATABASE_URL: seedUrl });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Обращений: \d{4}/);
    expect(res.stdout).toMatch(/demo\tagent\tМенеджер ТП\tпароль: \S+/);
    expect(cli(['seed', '--demo'], { DATABASE_URL: seedUrl }).code).toBe(2);
  });

  it('starts, logs JSON without secrets, and on SIGTERM closes streams and exits 0', async () => {
    const child = spawn(process.execPath, ['server/cli.ts', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not ready')), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const entry = JSON.parse(line) as { msg: string; url?: string };
        if (entry.msg === 'central endpoint ready') {
          clearTimeout(timer);
          resolve(entry.url!);
        }
      });
    });
    const serverUrl = await ready;
    const { body } = await new ApiClient(serverUrl, null).post<{ token: string }>('/api/auth/login', {
      login: 'olga',
      password: 'wrong-password',
    });
    expect(body).toMatchObject({ error: { code: 'invalid_credentials' } });
    const res = cli(['user', 'add', '--login', 'streamer', '--name', 'Стример', '--role', 'agent'], env, 'пароль-стримера');
    expect(res.code).toBe(0);
    const token = (
      await new ApiClient(serverUrl, null).post<{ token: string }>('/api/auth/login', {
        login: 'streamer',
        password: 'пароль-стримера',
      })
    ).body.token;
    const stream = await openStream(`${serverUrl}/api/replication/kb/pull/stream`, token);
    expect(stream.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await stream.ended;
    const log = lines.join('\n');
    expect(log).toContain('"msg":"stopped"');
    expect(log).not.toContain(token);
    expect(log).not.toContain('пароль-стримера');
    expect(log).not.toContain('wrong-password');
  });
});
