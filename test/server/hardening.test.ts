/** Hardening: CORS for the app's origins only, security headers, Date exposed, health, no stack traces. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol.ts';
import { backends, openTestDatabase } from './support/testDatabase.ts';
import { signedIn, startServerOn, startTestServer, type TestServer } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';

describe.each(backends)('hardening on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { corsOrigins: ['https://desk.pass24.example'] });
  });
  afterAll(() => server.close());

  it('reports health with the database kind, version and clock', async () => {
    const res = await server.anonymous.get<HealthResponse>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      db: backend,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      now: expect.any(Number),
      channels: [],
    });
    expect(Math.abs(res.body.now - Date.now())).toBeLessThan(5_000);
    expect(res.headers.get('date')).toBeTruthy();
  });

  it('stamps every answer, errors included, with the server clock in milliseconds', async () => {
    for (const res of [
      await server.anonymous.get('/api/health'),
      await server.asAgent.get('/api/replication/kb/pull'),
      await server.asAgent.get('/api/nope'),
    ]) {
      const stamp = Number(res.headers.get('x-server-time'));
      expect(Number.isInteger(stamp)).toBe(true);
      expect(Math.abs(stamp - Date.now())).toBeLessThan(5_000);
    }
  });

  it('sets the security headers on every answer', async () => {
    for (const res of [
      await server.anonymous.get('/api/health'),
      await server.anonymous.get('/api/replication/kb/pull'),
      await server.asAgent.get('/api/nope'),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it.each([
    ['null', true],
    ['http://127.0.0.1:5173', true],
    ['http://localhost:4173', true],
    ['https://desk.pass24.example', true],
    ['https://evil.example', false],
    ['http://127.0.0.1.evil.example', false],
  ])('answers CORS for origin %s: allowed=%s, exposing Date and X-Server-Time', async (origin, allowed) => {
    const preflight = await fetch(`${server.url}/api/replication/kb/push`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    const res = await server.asAgent.get('/api/replication/kb/pull', { origin });
    if (allowed) {
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-expose-headers')).toBe('Date, x-server-time');
    } else {
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a server failure with a generic Russian message and no stack trace', async () => {
    const database = await openTestDatabase(backend);
    const { app, url } = await startServerOn(database);
    const { token } = await signedIn(database, 'agent');
    const client = new ApiClient(url, token);
    // Authentication also needs the database; sign in first, then break the database under the server.
    await database.close();
    try {
      const res = await client.get<{ error: { code: string; message: string } }>('/api/replication/kb/pull');
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({ code: 'internal', message: expect.stringMatching(/Внутренняя ошибка сервера/) });
      expect(res.text).not.toMatch(/\.ts:\d+|\bat\s/);
      const health = await client.get<HealthResponse>('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.ok).toBe(false);
    } finally {
      await app.close();
    }
  });
});
