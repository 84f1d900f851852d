/**
 * Running the endpoint: a channel's API key revoked, a password reset, sessions that end when idle
 * and are deleted when old, query strings kept out of the logs, a restore that takes accounts
 * only when told, an embedded endpoint that leaves a restored workspace's accounts alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '#shared/protocol.ts';
import { createAccount, findAccountForLogin, setAccountPassword } from '../../server/auth/accounts.ts';
import { createApiKey, revokeApiKey } from '../../server/auth/apiKeys.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { createSession, deleteOldSessions, endedSessionRetentionMs } from '../../server/auth/sessions.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { startEmbedded } from '../../server/embedded.ts';
import { writeBackup } from '../../server/ops/backup.ts';
import { restoreBackup, RestoreError } from '../../server/ops/restore.ts';
import { ApiClient } from './support/apiClient.ts';
import { backends, openTestDatabase, openTestPglite } from './support/testDatabase.ts';
import { startTestServer, testPassword, type TestServer } from './support/testServer.ts';

const idleMs = 3_600_000;

describe.each(backends)('operations on %s', (backend) => {
  let server: TestServer;
  const logLines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'pass24-ops-'));
  beforeAll(async () => {
    server = await startTestServer(backend, {
      sessionIdleMs: idleMs,
      logger: { level: 'info' },
      logStream: { write: (line: string) => logLines.push(line) },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const intake = (key: string, externalId: string) =>
    server.anonymous.post(
      '/api/intake/tickets',
      { channel: 'email', externalId, subject: 'Не открывается шлагбаум', description: '', contact: { name: 'Ирина' } },
      { 'x-api-key': key },
    );

  it('refuses a revoked API key from the next request on', async () => {
    const { id, key } = await createApiKey(server.database.db, 'email');
    expect((await intake(key, 'ops-1')).status).toBe(201);
    expect(await revokeApiKey(server.database.db, id)).toBe(true);
    expect((await intake(key, 'ops-2')).status).toBe(401);
    expect(await revokeApiKey(server.database.db, id)).toBe(false);
  });

  it('resets a password: the old one and the sessions signed in with it stop working', async () => {
    const account = await createAccount(server.database.db, {
      login: `reset-${backend}`,
      name: 'Сброс',
      role: 'agent',
      password: testPassword,
    });
    const { token } = await createSession(server.database.db, account.id, 3_600_000, Date.now());
    const before = new ApiClient(server.url, token);
    expect((await before.get('/api/auth/me')).status).toBe(200);
    await setAccountPassword(server.database.db, account.login, 'новый-пароль-123');
    expect((await before.get('/api/auth/me')).status).toBe(401);
    const login = (password: string) =>
      server.anonymous.post<LoginResponse>('/api/auth/login', { login: account.login, password });
    expect((await login(testPassword)).status).toBe(401);
    expect((await login('новый-пароль-123')).status).toBe(200);
  });

  it('ends a session left idle longer than the setting, and deletes sessions ended long ago', async () => {
    const { token } = await createSession(server.database.db, server.agent.id, 30 * 24 * 3_600_000, Date.now());
    const client = new ApiClient(server.url, token);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    // Last used just over the idle limit ago.
    await server.database.db
      .updateTable('sessions')
      .set({ last_seen_at: Date.now() - idleMs - 1_000 })
      .where('account_id', '=', server.agent.id)
      .where('expires_at', '>', Date.now() + 29 * 24 * 3_600_000)
      .execute();
    expect((await client.get('/api/auth/me')).status).toBe(401);

    const old = Date.now() - endedSessionRetentionMs - 2 * idleMs;
    await createSession(server.database.db, server.agent.id, 1_000, old);
    expect(await deleteOldSessions(server.database.db, Date.now(), idleMs)).toBeGreaterThanOrEqual(1);
    const left = await server.database.db.selectFrom('sessions').select('created_at').where('created_at', '=', old).execute();
    expect(left).toEqual([]);
  });

  it('keeps query strings’ values out of the logs', async () => {
    await server.anonymous.get('/api/replication/tickets/pull?access_token=secret-in-the-query-123&limit=5');
    const logged = logLines.join('');
    expect(logged).toContain('access_token=[скрыто]');
    expect(logged).not.toContain('secret-in-the-query-123');
  });

  it('restores accounts and API keys only when told it may', async () => {
    const file = join(dir, 'backup.jsonl');
    await writeBackup(server.database, file);
    const empty = await openTestDatabase(backend);
    try {
      await expect(restoreBackup(empty, file)).rejects.toThrow(RestoreError);
      await expect(restoreBackup(empty, file)).rejects.toThrow(/--with-accounts/);
      const counts = await restoreBackup(empty, file, { withAccounts: true });
      expect(counts.accounts).toBeGreaterThanOrEqual(3);
    } finally {
      await empty.close();
    }
  });
});

describe('the embedded endpoint on a restored workspace (pglite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-ops-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the workspace’s accounts as they are, a "demo" login included, and signs in with one of its own', async () => {
    const source = await openTestPglite();
    await createAccount(source.db, { login: 'demo', name: 'Настоящий сотрудник', role: 'head', password: 'пароль-сотрудника' });
    const file = join(dir, 'backup.jsonl');
    await writeBackup(source, file);
    await source.close();
    const folder = join(dir, 'data');
    const target = await openDatabase({ dataDir: folder });
    await restoreBackup(target, file, { withAccounts: true });
    await target.close();

    const embedded = await startEmbedded({ dataDir: folder, host: '127.0.0.1', port: 0 });
    try {
      expect(embedded.login).not.toBe('demo');
      const signIn = await new ApiClient(embedded.url, null).post<LoginResponse>('/api/auth/login', {
        login: embedded.login,
        password: embedded.password,
      });
      expect(signIn.status).toBe(200);
      const realDemo = await new ApiClient(embedded.url, null).post<LoginResponse>('/api/auth/login', {
        login: 'demo',
        password: 'пароль-сотрудника',
      });
      expect(realDemo.status).toBe(200);
      expect(realDemo.body.agent.role).toBe('head');
    } finally {
      await embedded.close();
    }
    const check = await openDatabase({ dataDir: folder });
    const demo = await findAccountForLogin(check.db, 'demo');
    expect(await verifyPassword('пароль-сотрудника', demo!.password_hash)).toBe(true);
    await check.close();
  });
});
