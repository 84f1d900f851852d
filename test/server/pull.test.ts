/** Pull: paging by checkpoint in (updatedAt, id) order, limits, tombstones, query validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPullLimit } from '#shared/protocol.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { eventDoc, fresh, kbDoc, update } from './support/documents.ts';

describe.each(backends)('pull on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    // 25 articles in 3 pushes: the server gives each a strictly larger updatedAt.
    for (let batch = 0; batch < 3; batch++) {
      const docs = Array.from({ length: batch === 2 ? 5 : 10 }, (_, i) =>
        kbDoc({ id: `kb-${batch}-${String(i).padStart(2, '0')}` }),
      );
      const res = await server.asAgent.push('kb', docs.map(fresh));
      expect(res).toEqual({ conflicts: [], rejected: [] });
    }
  });
  afterAll(() => server.close());

  it('returns documents in (updatedAt, id) order with updatedAt and _deleted, and the checkpoint of the last one', async () => {
    const page = await server.asAgent.pull<KbArticle>('kb', null, 100);
    expect(page.documents).toHaveLength(25);
    for (const d of page.documents) {
      expect(d._deleted).toBe(false);
      expect(d.updatedAt).toBeGreaterThan(0);
    }
    const stamps = page.documents.map((d) => d.updatedAt);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    const last = page.documents.at(-1)!;
    expect(page.checkpoint).toEqual({ id: last.id, updatedAt: last.updatedAt });
  });

  it('pages strictly after the checkpoint: every document exactly once, then an empty page keeping the checkpoint', async () => {
    const seen: string[] = [];
    let checkpoint = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<typeof server.asAgent.pull<KbArticle>>> = await server.asAgent.pull<KbArticle>(
        'kb',
        checkpoint,
        7,
      );
      if (page.documents.length === 0) {
        expect(page.checkpoint).toEqual(checkpoint);
        break;
      }
      expect(page.documents.length).toBeLessThanOrEqual(7);
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('answers an empty page with a null checkpoint for an empty collection', async () => {
    expect(await server.asAgent.pull('templates', null)).toEqual({ documents: [], checkpoint: null });
  });

  it('uses 100 as the default limit and caps the limit at 1000', async () => {
    const res = await server.asAgent.get<{ documents: unknown[] }>('/api/replication/kb/pull');
    expect(res.status).toBe(200);
    expect(res.body.documents).toHaveLength(25);
    const events = Array.from({ length: 1100 }, (_, i) => eventDoc({ id: `cap-${String(i).padStart(4, '0')}` }));
    await server.asAgent.push('events', events.slice(0, 600).map(fresh));
    await server.asAgent.push('events', events.slice(600).map(fresh));
    const capped = await server.asAgent.get<{ documents: unknown[] }>('/api/replication/events/pull?limit=50000');
    expect(capped.status).toBe(200);
    expect(capped.body.documents).toHaveLength(maxPullLimit);
    expect(maxPullLimit).toBe(1000);
  });

  it('shows a deletion as a tombstone after the checkpoint, never as a missing row', async () => {
    const { documents, checkpoint } = await server.asAgent.pullAll<KbArticle>('kb');
    const victim = documents[3]!;
    const res = await server.asAgent.push<KbArticle>('kb', [update(victim, { ...victim, _deleted: true })]);
    expect(res).toEqual({ conflicts: [], rejected: [] });
    const after = await server.asAgent.pull<KbArticle>('kb', checkpoint, 100);
    expect(after.documents).toHaveLength(1);
    expect(after.documents[0]).toMatchObject({ id: victim.id, _deleted: true, title: victim.title });
    expect(after.documents[0]!.updatedAt).toBeGreaterThan(checkpoint!.updatedAt);
    const all = await server.asAgent.pullAll<KbArticle>('kb');
    expect(all.documents).toHaveLength(25);
  });

  it.each([
    ['?id=kb-0-01', 'invalid_checkpoint'],
    ['?updatedAt=5', 'invalid_checkpoint'],
    ['?id=x&updatedAt=abc', 'invalid_checkpoint'],
    ['?id=x&updatedAt=-1', 'invalid_checkpoint'],
    ['?limit=0', 'invalid_limit'],
    ['?limit=2.5', 'invalid_limit'],
    ['?limit=ten', 'invalid_limit'],
  ])('refuses the query %s with 400 %s and a reason', async (query, code) => {
    const res = await server.asAgent.get<{ error: { code: string; message: string } }>(`/api/replication/kb/pull${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[а-я]/);
  });
});
