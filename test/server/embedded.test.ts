/** The embedded endpoint (desktop app, web twin): PGlite folder, demo workspace on the first run, stable credentials. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthResponse, LoginResponse } from '#shared/protocol.ts';
import { startEmbedded } from '../../server/embedded.ts';
import { ApiClient } from './support/apiClient.ts';

describe('startEmbedded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds the demo workspace on the first run and signs in with the same credentials on the next', async () => {
    const first = await startEmbedded({ dataDir: dir, host: '127.0.0.1', port: 0 });
    let token: string;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.login).toBe('demo');
      const login = await new ApiClient(first.url, null).post<LoginResponse>('/api/auth/login', {
        login: first.login,
        password: first.password,
      });
      expect(login.status).toBe(200);
      expect(login.body.agent).toMatchObject({ login: 'demo', role: 'agent' });
      token = login.body.token;
      const page = await new ApiClient(first.url, token).pull('tickets', null, 10);
      expect(page.documents).toHaveLength(10);
      expect(statSync(join(dir, 'embedded-credentials.json')).mode & 0o077).toBe(0);
    } finally {
      await first.close();
    }
    const second = await startEmbedded({ dataDir: dir, host: '127.0.0.1', port: 0 });
    try {
      expect({ login: second.login, password: second.password }).toEqual({ login: first.login, password: first.password });
      const health = await new ApiClient(second.url, null).get<HealthResponse>('/api/health');
      expect(health.body.db).toBe('pglite');
      // Sessions survive a restart: the token of the first run still works.
      expect((await new ApiClient(second.url, token).get('/api/auth/me')).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuses a data folder another process has open', async () => {
    const a = await startEmbedded({ dataDir: join(dir, 'locked') });
    try {
      await expect(startEmbedded({ dataDir: join(dir, 'locked') })).rejects.toThrow(/уже открыта другим процессом/);
    } finally {
      await a.close();
    }
  });
});
