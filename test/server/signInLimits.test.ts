/**
 * Sign-in limits an attacker with an address and a list of logins meets: a padded or re-cased login
 * is the same login to the limiter as to the account lookup; one address trying many logins is
 * slowed; password hashing has a global cap; the client address comes from a proxy only when trusted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '#shared/protocol.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

describe.each(backends)('sign-in limits on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      loginRateLimit: { maxFailures: 5, windowMs: 60_000, maxFailuresPerAddress: 10 },
      passwordHashing: { concurrent: 1, queued: 1 },
      trustProxy: '127.0.0.1',
    });
    await createAccount(server.database.db, { login: 'victim', name: 'Жертва', role: 'agent', password: 'правильный-пароль' });
  });
  afterAll(() => server.close());

  /** Each test speaks from an address of its own (the endpoint trusts the loopback proxy). */
  const login = (l: string, p: string, from: string) =>
    server.anonymous.post<LoginResponse>('/api/auth/login', { login: l, password: p }, { 'x-forwarded-for': from });

  it('keeps a locked login locked when it is sent padded, re-cased or with a no-break space', async () => {
    const from = '203.0.113.1';
    for (let i = 0; i < 5; i += 1) expect((await login('victim', `guess-${i}`, from)).status).toBe(401);
    for (const variant of [' VICTIM\u00a0', 'Victim', '\uff56ictim']) {
      expect((await login(variant, 'правильный-пароль', from)).status).toBe(429);
    }
  });

  it('slows one address trying a password on many logins', async () => {
    const from = '203.0.113.2';
    const answers: number[] = [];
    for (let i = 0; i < 12; i += 1) answers.push((await login(`user${i}`, 'Spring2026!', from)).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers.slice(10)).toEqual([429, 429]);
    // Another address is not slowed by it.
    expect((await login('victim', 'правильный-пароль', '203.0.113.3')).status).toBe(200);
  });

  it('caps concurrent password hashing: a flood beyond the queue is answered busy at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(`flood${i}`, 'неверно', `198.51.100.${i + 1}`).then((r) => r.status)),
    );
    expect(answers.filter((s) => s === 503).length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((s) => s === 401).length).toBeGreaterThanOrEqual(1);
    expect((await server.asAgent.get('/api/auth/me')).status).toBe(200);
  });
});

describe.each(backends)('the client address without a trusted proxy on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { loginRateLimit: { maxFailures: 2, windowMs: 60_000 } });
  });
  afterAll(() => server.close());

  it('ignores X-Forwarded-For: a forged header does not buy fresh attempts', async () => {
    const attempt = (from: string) =>
      server.anonymous.post('/api/auth/login', { login: 'someone', password: 'x' }, { 'x-forwarded-for': from });
    expect((await attempt('192.0.2.1')).status).toBe(401);
    expect((await attempt('192.0.2.2')).status).toBe(401);
    expect((await attempt('192.0.2.3')).status).toBe(429);
  });
});
