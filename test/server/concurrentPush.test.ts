/**
 * The commit-order guarantee: 8 workstations push 500 documents each (batches of 25, all at
 * once) while a ninth pages through the collection as fast as it can. Because updatedAt is
 * handed out under the collection lock, in commit order, the puller never skips a row that a
 * slower transaction commits later: it ends with every document exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, PullResponse } from '#shared/protocol.ts';
import type { TicketEvent } from '#shared/schema/index.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { eventDoc, fresh } from './support/documents.ts';

const pushers = 8;
const perPusher = 500;
const batchSize = 25;

describe.each(backends)('concurrent pushes on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  it('a puller paging during 8 x 500 concurrent pushes gets every document exactly once, in increasing updatedAt', async () => {
    let pushing = true;
    const seen = new Map<string, number>();
    const stamps: number[] = [];
    let pages = 0;

    const puller = (async () => {
      let checkpoint: Checkpoint | null = null;
      for (;;) {
        const stillPushing = pushing;
        const page: PullResponse<TicketEvent> = await server.asAgent.pull<TicketEvent>('events', checkpoint, 40);
        pages++;
        for (const d of page.documents) {
          seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
          stamps.push(d.updatedAt);
        }
        checkpoint = page.checkpoint;
        // Drain after the last push was acknowledged.
        if (!stillPushing && page.documents.length === 0) return;
      }
    })();

    await Promise.all(
      Array.from({ length: pushers }, async (_, p) => {
        for (let b = 0; b < perPusher / batchSize; b++) {
          const docs = Array.from({ length: batchSize }, (_, i) => eventDoc({ id: `p${p}-b${b}-${i}`, ticketId: `t-${p}` }));
          const res = await server.asAgent.push('events', docs.map(fresh));
          expect(res).toEqual({ conflicts: [], rejected: [] });
        }
      }),
    );
    pushing = false;
    await puller;

    expect(seen.size).toBe(pushers * perPusher);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]!).toBeGreaterThan(stamps[i - 1]!);
    // The puller really ran alongside the pushes, not only afterwards.
    expect(pages).toBeGreaterThan((pushers * perPusher) / 40);
  });
});
