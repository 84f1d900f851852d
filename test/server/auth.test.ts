/** Accounts and sign-in: scrypt passwords, hashed expiring tokens, logout, rate limit, disable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '#shared/protocol.ts';
import { createAccount, setAccountActive } from '../../server/auth/accounts.ts';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { hashSecret } from '../../server/auth/tokens.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';

describe('password hashing', () => {
  it('uses scrypt with a salt per password and verifies only the right password', async () => {
    const a = await hashPassword('пароль-123');
    const b = await hashPassword('пароль-123');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('пароль-123', a)).toBe(true);
    expect(await verifyPassword('пароль-124', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe.each(backends)('auth on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      loginRateLimit: { maxFailures: 5, windowMs: 60_000 },
      tokenTtlMs: 7 * 24 * 3600 * 1000,
    });
    await createAccount(server.database.db, { login: 'Olga', name: 'Ольга Петрова', role: 'head', password: 'очень-секретно' });
  });
  afterAll(() => server.close());

  const login = (l: string, p: string) => server.anonymous.post<LoginResponse>('/api/auth/login', { login: l, password: p });

  it('signs in, answers me, and stores only the token hash', async () => {
    const res = await login('olga', 'очень-секретно');
    expect(res.status).toBe(200);
    expect(res.body.agent).toMatchObject({ login: 'olga', name: 'Ольга Петрова', role: 'head' });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    const me = await new ApiClient(server.url, res.body.token).get('/api/auth/me');
    expect(me.body).toEqual(res.body.agent);
    const rows = await server.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashSecret(res.body.token));
    expect(JSON.stringify(rows)).not.toContain(res.body.token);
  });

  it('logout revokes the token', async () => {
    const { body } = await login('olga', 'очень-секретно');
    const client = new ApiClient(server.url, body.token);
    expect((await client.post('/api/auth/logout', {})).status).toBe(200);
    const me = await client.get<{ error: { code: string } }>('/api/auth/me');
    expect(me.status).toBe(401);
  });

  it.each([
    ['a wrong password', 'olga', 'неверно'],
    ['an unknown login', 'nobody', 'очень-секретно'],
  ])('refuses %s with 401 and the same message', async (_label, l, p) => {
    const res = await login(l, p);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { code: 'invalid_credentials', message: expect.stringMatching(/Неверный логин или пароль/) },
    });
  });

  it.each([
    ['no body fields', {}],
    ['a numeric password', { login: 'olga', password: 123 }],
  ])('refuses %s with 400', async (_label, body) => {
    const res = await server.anonymous.post('/api/auth/login', body);
    expect(res.status).toBe(400);
  });

  it('limits failed sign-ins per login and address: the sixth attempt within a minute gets 429, even with the right password', async () => {
    await createAccount(server.database.db, {
      login: 'victim',
      name: 'Жертва перебора',
      role: 'agent',
      password: 'правильный-пароль',
    });
    for (let i = 0; i < 5; i++) expect((await login('victim', `guess-${i}`)).status).toBe(401);
    const blocked = await login('victim', 'правильный-пароль');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'too_many_attempts', message: expect.stringMatching(/Слишком много/) } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another login from the same address is not affected.
    expect((await login('olga', 'очень-секретно')).status).toBe(200);
  });

  it('disabling an account ends its sessions and marks its agent document inactive', async () => {
    const agent = await createAccount(server.database.db, {
      login: 'leaver',
      name: 'Уходящий',
      role: 'agent',
      password: 'пароль-уходящего',
    });
    const { body } = await login('leaver', 'пароль-уходящего');
    const client = new ApiClient(server.url, body.token);
    const { checkpoint } = await client.pullAll('agents');
    await setAccountActive(server.database.db, 'leaver', false);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await login('leaver', 'пароль-уходящего')).status).toBe(401);
    const changed = await server.asAgent.pull<{ id: string; active: boolean }>('agents', checkpoint);
    expect(changed.documents).toEqual([expect.objectContaining({ id: agent.id, active: false, _deleted: false })]);
  });
});
