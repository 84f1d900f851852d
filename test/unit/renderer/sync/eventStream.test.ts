/** The live stream reports whether it could reach the endpoint, not only whether it is connected. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEventStream, type EventStream, type StreamConnection } from '../../../../renderer/src/sync/eventStream.ts';

let stream: EventStream<unknown> | null = null;
afterEach(() => stream?.close());

/** A stream body that stays open until `end` is called. */
function openBody(): { response: Response; end: () => void; send: (text: string) => void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    end: () => controller.close(),
    send: (text) => controller.enqueue(new TextEncoder().encode(text)),
  };
}

function open(fetchImpl: typeof fetch, extra: { idleTimeoutMs?: number; connectTimeoutMs?: number } = {}) {
  const seen: StreamConnection[] = [];
  const items: unknown[] = [];
  stream = openEventStream<unknown>({
    url: 'http://desk.test/api/replication/tickets/pull/stream',
    headers: () => ({}),
    fetch: fetchImpl,
    onConnection: (c) => seen.push(c),
    retryDelay: () => 10,
    ...extra,
  });
  stream.items$.subscribe((i) => items.push(i));
  return { seen, items };
}

describe('event stream', () => {
  it('reports unreachable when the connection attempt fails at the network level', async () => {
    const { seen } = open(async () => {
      throw new TypeError('Failed to fetch');
    });
    await vi.waitFor(() => expect(seen.slice(0, 2)).toEqual(['unreachable', 'unreachable']));
  });

  it('reports ended, not unreachable, when the server closes a connected stream; RESYNC at every connect', async () => {
    const bodies = [openBody(), openBody()];
    let calls = 0;
    const { seen, items } = open(async () => bodies[calls++]!.response);
    await vi.waitFor(() => expect(seen).toEqual(['connected']));
    bodies[0]!.send('data: {"documents":[],"checkpoint":{"id":"a","updatedAt":1}}\n\n');
    await vi.waitFor(() => expect(items).toHaveLength(2));
    bodies[0]!.end();
    await vi.waitFor(() => expect(seen).toEqual(['connected', 'ended', 'connected']));
    expect(items[0]).toBe('RESYNC');
    expect(items[1]).toMatchObject({ checkpoint: { id: 'a' } });
    expect(items[2]).toBe('RESYNC');
  });

  it('reports ended when the endpoint answers without a stream (it is there)', async () => {
    const { seen } = open(async () => new Response('no', { status: 503 }));
    await vi.waitFor(() => expect(seen[0]).toBe('ended'));
    expect(seen).not.toContain('unreachable');
  });

  it('a reconnect asked for is not a failure to reach the endpoint', async () => {
    const bodies = [openBody(), openBody()];
    let calls = 0;
    const { seen } = open(async (_url, init) => {
      const b = bodies[calls++]!;
      init?.signal?.addEventListener('abort', () => b.end());
      return b.response;
    });
    await vi.waitFor(() => expect(seen).toEqual(['connected']));
    stream!.reconnectNow();
    await vi.waitFor(() => expect(seen).toEqual(['connected', 'ended', 'connected']));
  });

  it('an attempt without an answer counts as unreachable after the connect timeout', async () => {
    const { seen } = open(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      { connectTimeoutMs: 20 },
    );
    await vi.waitFor(() => expect(seen[0]).toBe('unreachable'));
  });

  it('drops a connection silent for longer than the idle timeout and connects again', async () => {
    const bodies = [openBody(), openBody()];
    let calls = 0;
    const { seen } = open(async () => bodies[calls++]!.response, { idleTimeoutMs: 30 });
    await vi.waitFor(() => expect(seen.slice(0, 3)).toEqual(['connected', 'ended', 'connected']));
  });
});
