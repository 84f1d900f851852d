/**
 * Every stored state of a knowledge-base article is kept as a version with the account that
 * stored it: the history the desk shows and the head restores from. A refused change leaves no
 * version; the history is for signed-in accounts only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbArticle } from '#shared/schema/index.ts';
import { fresh, kbDoc, update } from './support/documents.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

interface Versions {
  versions: Array<{ updatedAt: number; signedBy: string; article: KbArticle }>;
}

describe.each(backends)('KB article versions on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  const stored = async (id: string) => (await server.asHead.pullAll<KbArticle>('kb')).documents.find((d) => d.id === id)!;

  it('keeps each stored state with who stored it, newest first; a refused change adds none', async () => {
    const draft = kbDoc({ createdBy: server.agent.id, editedBy: server.agent.id, body: 'Первая редакция.' });
    expect((await server.asAgent.push('kb', [fresh(draft)])).rejected).toEqual([]);
    let master = await stored(draft.id);
    expect(
      (await server.asAgent.push<KbArticle>('kb', [update(master, { ...master, body: 'Вторая редакция.' })])).rejected,
    ).toEqual([]);
    master = await stored(draft.id);
    // Refused: an agent publishing.
    expect(
      (await server.asAgent.push<KbArticle>('kb', [update(master, { ...master, status: 'published' })])).rejected,
    ).toHaveLength(1);
    const published = { ...master, status: 'published' as const, editedBy: server.head.id };
    expect((await server.asHead.push<KbArticle>('kb', [update(master, published)])).rejected).toEqual([]);

    const answer = await server.asAgent.get<Versions>(`/api/kb/${draft.id}/versions`);
    expect(answer.status).toBe(200);
    expect(answer.body.versions.map((v) => [v.signedBy, v.article.status, v.article.body])).toEqual([
      [server.head.id, 'published', 'Вторая редакция.'],
      [server.agent.id, 'draft', 'Вторая редакция.'],
      [server.agent.id, 'draft', 'Первая редакция.'],
    ]);
    expect(answer.body.versions[0]!.updatedAt).toBe((await stored(draft.id)).updatedAt);
  });

  it('answers an unknown article with no versions, and no one who is not signed in', async () => {
    expect((await server.asAgent.get<Versions>('/api/kb/kb-nobody/versions')).body).toEqual({ versions: [] });
    expect((await server.anonymous.get('/api/kb/kb-nobody/versions')).status).toBe(401);
  });
});
