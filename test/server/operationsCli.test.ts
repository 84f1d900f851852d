/**
 * The operator's commands, run as real processes: revoke a channel's key, reset a password, serve
 * HTTPS from a certificate, and refuse to serve plain HTTP on a network address unless told.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { openDatabase, type Database } from '../../server/db/openDatabase.ts';
import { createPostgresDatabase } from './support/testDatabase.ts';
import { startServerOn } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';

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

describe('operator commands on postgres', () => {
  let env: Record<string, string>;
  let database: Database;
  let api: ApiClient;
  let closeApi: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'pass24-opscli-'));

  beforeAll(async () => {
    const url = await createPostgresDatabase('opscli');
    env = { DATABASE_URL: url };
    database = await openDatabase({ url });
    const started = await startServerOn(database);
    api = new ApiClient(started.url, null);
    closeApi = () => started.app.close();
  });
  afterAll(async () => {
    await closeApi();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists and revokes an API key: its connector is refused at once', async () => {
    const added = cli(['apikey', 'add', '--channel', 'crm'], env);
    expect(added.code, added.stderr).toBe(0);
    const id = /id ([0-9a-f-]{36})/.exec(added.stdout)![1]!;
    const key = added.stdout.trim().split('\n').at(-1)!;
    const post = () =>
      api.post(
        '/api/intake/tickets',
        { channel: 'crm', externalId: `crm-${Date.now()}`, subject: 'Не работает', description: '', contact: { name: 'Ирина' } },
        { 'x-api-key': key },
      );
    expect((await post()).status).toBe(201);
    expect(cli(['apikey', 'list'], env).stdout).toMatch(new RegExp(`${id}\\tcrm\\t.*\\tдействует`));
    const revoked = cli(['apikey', 'revoke', '--id', id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await post()).status).toBe(401);
    expect(cli(['apikey', 'list'], env).stdout).toMatch(new RegExp(`${id}\\tcrm\\t.*\\tотозван`));
    expect(cli(['apikey', 'revoke', '--id', id], env).code).toBe(2);
  });

  it('resets a password from stdin', async () => {
    await createAccount(database.db, { login: 'forgetful', name: 'Забывчивый', role: 'agent', password: 'старый-пароль' });
    const reset = cli(['user', 'reset-password', '--login', 'Forgetful'], env, 'новый-пароль-1\n');
    expect(reset.code, reset.stderr).toBe(0);
    expect((await api.post('/api/auth/login', { login: 'forgetful', password: 'старый-пароль' })).status).toBe(401);
    expect((await api.post('/api/auth/login', { login: 'forgetful', password: 'новый-пароль-1' })).status).toBe(200);
    expect(cli(['user', 'reset-password', '--login', 'nobody'], env, 'новый-пароль-1\n').code).toBe(2);
  });

  it('refuses plain HTTP on a network address unless --insecure-http is given', () => {
    const refused = cli(['--host', '0.0.0.0', '--port', '0'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--tls-cert/);
    expect(refused.stderr).toMatch(/--insecure-http/);
  });

  it('serves HTTPS when given a certificate and a key', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
    const child = spawn(process.execPath, ['server/cli.ts', '--port', '0', '--tls-cert', cert, '--tls-key', key], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'central endpoint ready' && entry.url) resolve(entry.url);
        });
      });
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number>((resolve, reject) => {
        httpsRequest(`${url}/api/health`, { ca: readFileSync(cert) }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
