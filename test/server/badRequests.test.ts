/**
 * Every bad request gets a 4xx with an ApiError reason (Russian) and changes nothing:
 * malformed JSON, wrong shapes, oversize bodies, unknown collections and routes, missing,
 * expired or revoked tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '#shared/protocol.ts';
import { backends, documentCount } from './support/testDatabase.ts';
import { signedIn, startTestServer, type TestServer } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';
import { fresh, kbDoc } from './support/documents.ts';

describe.each(backends)('bad requests on %s', (backend) => {
  let server: TestServer;
  let before: number;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await server.asAgent.push('kb', [fresh(kbDoc())]);
  });
  afterAll(() => server.close());

  const expectRefused = (res: { status: number; body: unknown; text: string }, status: number, code?: string) => {
    expect(res.status, res.text).toBe(status);
    const body = res.body as ApiError;
    expect(typeof body.error?.message).toBe('string');
    expect(body.error.message).toMatch(/[А-Яа-яЁё]/);
    if (code) expect(body.error.code).toBe(code);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  };

  it.each([
    ['malformed JSON', '{"assumedMasterState": null,', 400, 'invalid_json'],
    ['an object instead of an array', { assumedMasterState: null }, 400, 'invalid_request'],
    ['a row without newDocumentState', [{ assumedMasterState: null }], 400, 'invalid_request'],
    ['a document without an id', [{ assumedMasterState: null, newDocumentState: { title: 'x' } }], 400, 'invalid_request'],
    ['an assumed state of the wrong type', [{ assumedMasterState: 'x', newDocumentState: kbDoc() }], 400, 'invalid_request'],
    ['more than 1000 rows', Array.from({ length: 1001 }, () => fresh(kbDoc())), 400, 'batch_too_large'],
  ])('push with %s: %i', async (_label, body, status, code) => {
    before = await documentCount(server.database);
    expectRefused(await server.asAgent.post('/api/replication/kb/push', body), status, code);
    expect(await documentCount(server.database)).toBe(before);
  });

  it('refuses a body over the push limit (5 MB) with 413', async () => {
    before = await documentCount(server.database);
    const huge = [fresh(kbDoc({ body: 'я'.repeat(3 * 1024 * 1024) }))];
    expectRefused(await server.asAgent.post('/api/replication/kb/push', huge), 413, 'body_too_large');
    expect(await documentCount(server.database)).toBe(before);
  });

  it('refuses a login body over 64 KB with 413', async () => {
    expectRefused(
      await server.anonymous.post('/api/auth/login', { login: 'x', password: 'p'.repeat(70_000) }),
      413,
      'body_too_large',
    );
  });

  it('refuses a push that is not JSON with 415', async () => {
    expectRefused(
      await server.asAgent.request('POST', '/api/replication/kb/push', 'hello', { 'content-type': 'text/plain' }),
      415,
    );
  });

  it.each(['pull', 'push', 'pull/stream'])('answers an unknown collection on %s with 404', async (route) => {
    const res =
      route === 'push'
        ? await server.asAgent.post(`/api/replication/users/${route}`, [])
        : await server.asAgent.get(`/api/replication/users/${route}`);
    expectRefused(res, 404, 'unknown_collection');
  });

  it('answers an unknown route with 404', async () => {
    expectRefused(await server.asAgent.get('/api/nothing-here'), 404, 'not_found');
  });

  describe('tokens', () => {
    it.each([
      ['no token', null],
      ['a malformed header', 'Basic abc'],
      ['an unknown token', 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ])('refuses %s with 401 on every replication route', async (_label, header) => {
      before = await documentCount(server.database);
      const headers: Record<string, string> = header ? { authorization: header } : {};
      const client = new ApiClient(server.url, null);
      expectRefused(await client.get('/api/replication/kb/pull', headers), 401, 'unauthorized');
      expectRefused(await client.post('/api/replication/kb/push', [fresh(kbDoc())], headers), 401, 'unauthorized');
      expectRefused(await client.get('/api/replication/kb/pull/stream', headers), 401, 'unauthorized');
      expectRefused(await client.get('/api/auth/me', headers), 401, 'unauthorized');
      expect(await documentCount(server.database)).toBe(before);
    });

    it('refuses an expired token', async () => {
      // A session whose lifetime ended a minute before now.
      const { token } = await signedIn(server.database, 'agent', -60_000);
      const client = new ApiClient(server.url, token);
      const res = await client.post('/api/replication/kb/push', [fresh(kbDoc())]);
      expectRefused(res, 401, 'unauthorized');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });
  });

  it('logs no secret: a failed request answers without echoing the token', async () => {
    const res = await new ApiClient(server.url, 'secret-token-value-1234567890').get('/api/replication/kb/pull');
    expect(res.text).not.toContain('secret-token-value');
  });
});
