/** The API client speaks the sync protocol exactly, whatever RxDB hands it. */
import { describe, expect, it } from 'vitest';
import type { PushRow } from '#shared/protocol.ts';
import { ApiClient } from '../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../renderer/src/sync/clock.ts';

function recordingClient() {
  const bodies: unknown[] = [];
  const client = new ApiClient({
    baseUrl: 'http://desk.test/',
    getToken: () => 'token-1',
    clock: new ServerClock(),
    fetch: async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ conflicts: [], rejected: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
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
