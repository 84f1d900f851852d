/** The API client speaks the sync protocol exactly, whatever RxDB hands it. */
import { describe, expect, it } from 'vitest';
import type { PushRow } from '#shared/protocol.ts';
import { ApiClient, ApiRequestError } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';

function recordingClient() {
  const bodies: unknown[] = [];
  const client = new ApiClient({
    baseUrl: 'http://desk.test/',
    getToken: () => 'token-1',
    clock: new ServerClock(),
    fetch: async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ conflicts: [], rejected: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, bodies };
}

describe('ApiClient.push', () => {
  it('sends assumedMasterState null for a document new to this client (RxDB leaves it undefined)', async () => {
    const { client, bodies } = recordingClient();
    const fresh = { newDocumentState: { id: 't1', _deleted: false } } as unknown as PushRow<{ id: string }>;
    await client.push('tickets', [fresh]);
    expect(bodies[0]).toEqual([{ assumedMasterState: null, newDocumentState: { id: 't1', _deleted: false } }]);
  });

  it('keeps the assumed master state of a known document', async () => {
    const { client, bodies } = recordingClient();
    const known: PushRow<{ id: string; updatedAt: number }> = {
      assumedMasterState: { id: 't1', updatedAt: 5, _deleted: false },
      newDocumentState: { id: 't1', updatedAt: 5, _deleted: false },
    };
    await client.push('tickets', [known]);
    expect(bodies[0]).toEqual([known]);
  });
});

describe('ApiClient timeouts', () => {
  /** A fetch that never answers, as a hung connection: it settles only when aborted. */
  const hangingFetch: typeof fetch = (_url, init) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
    });

  it('abandons a request with no answer as a network failure and reports the endpoint unreachable', async () => {
    const reach: boolean[] = [];
    const client = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 't',
      clock: new ServerClock(),
      fetch: hangingFetch,
      requestTimeoutMs: 30,
      onReachability: (reachable) => reach.push(reachable),
    });
    const error = await client.pull('tickets', null, 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ kind: 'network', code: 'timeout' });
    expect(reach).toEqual([false]);
  });

  it('abandons an answer whose body stops arriving', async () => {
    const client = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 't',
      clock: new ServerClock(),
      requestTimeoutMs: 30,
      fetch: async (_url, init) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"documents": ['));
            init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await expect(client.pull('tickets', null, 100)).rejects.toMatchObject({ kind: 'network', code: 'timeout' });
  });

  it("leaves a request the caller aborted as the caller's abort", async () => {
    const client = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 't',
      clock: new ServerClock(),
      fetch: hangingFetch,
      requestTimeoutMs: 5_000,
    });
    const controller = new AbortController();
    const pending = client.request('GET', '/api/health', undefined, controller.signal);
    controller.abort();
    await expect(pending).rejects.not.toBeInstanceOf(ApiRequestError);
  });
});

describe('ApiClient and the server clock', () => {
  it('takes the millisecond X-Server-Time of each answer before the one-second Date header', async () => {
    const clock = new ServerClock();
    const client = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 't',
      clock,
      fetch: async () =>
        new Response('{"documents":[],"checkpoint":null}', {
          status: 200,
          headers: {
            'content-type': 'application/json',
            'x-server-time': String(Date.now() + 90_250),
            date: new Date(Date.now() - 7_000).toUTCString(),
          },
        }),
    });
    await client.pull('tickets', null, 10);
    expect(Math.abs(clock.offset - 90_250)).toBeLessThan(100);
  });
});
