/**
 * Who is asking is settled before the body is read: a request without a valid token or API key is
 * answered as soon as its headers arrive, and an oversize body is refused by its declared length.
 * Each request here declares a large body and sends none of it: an answer proves it was not awaited.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

/** Sends only the headers of a POST declaring `length` bytes; resolves with the status, or 'no answer'. */
function headersOnly(url: string, path: string, length: number, headers: Record<string, string>): Promise<number | 'no answer'> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, 5_000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.flushHeaders();
  });
}

describe.each(backends)('authentication before the body on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  const large = 4_600_000;

  it('answers a push without a token 401 without waiting for its 4.6 MB body', async () => {
    expect(await headersOnly(server.url, '/api/replication/tickets/push', large, {})).toBe(401);
    expect(await headersOnly(server.url, '/api/replication/tickets/push', large, { authorization: 'Bearer forged-token' })).toBe(
      401,
    );
  });

  it('answers an intake request without a valid key 401 without waiting for its body', async () => {
    expect(await headersOnly(server.url, '/api/intake/tickets', 60_000, { 'x-api-key': 'p24k_not-a-real-key-at-all' })).toBe(401);
  });

  it('refuses an oversize body by its declared length, token or not', async () => {
    const token = server.asAgent.headers().authorization!;
    expect(await headersOnly(server.url, '/api/replication/tickets/push', 6 * 1024 * 1024, { authorization: token })).toBe(413);
    expect(await headersOnly(server.url, '/api/auth/login', 1_000_000, {})).toBe(413);
  });
});
