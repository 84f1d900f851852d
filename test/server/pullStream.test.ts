/**
 * Live pull streams (Server-Sent Events): changes after the stream started arrive as
 * {documents, checkpoint}; heartbeats keep it alive; a revoked token or a shutdown ends it;
 * across two server instances on one PostgreSQL the change arrives through LISTEN/NOTIFY.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KbArticle, Ticket } from '#shared/schema/index.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { createPostgresDatabase, backends } from './support/testDatabase.ts';
import { signedIn, startServerOn, startTestServer, type TestServer } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';
import { openStream } from './support/sseReader.ts';
import { fresh, kbDoc, ticketDoc } from './support/documents.ts';

describe.each(backends)('pull stream on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { heartbeatMs: 150 });
  });
  afterAll(() => server.close());

  const streamUrl = (c: string) => `${server.url}/api/replication/${c}/pull/stream`;

  it('sends what changes after it opened, as {documents, checkpoint}, to every subscriber', async () => {
    const before = kbDoc();
    await server.asAgent.push('kb', [fresh(before)]);
    const streams = await Promise.all(
      Array.from({ length: 5 }, () => openStream<KbArticle>(streamUrl('kb'), server.asAgent.token)),
    );
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const doc = kbDoc({ createdBy: server.head.id, editedBy: server.head.id });
    await server.asHead.push('kb', [fresh(doc)]);
    for (const s of streams) {
      const msg = await s.waitFor((m) => m.documents.some((d) => d.id === doc.id));
      const sent = msg.documents.find((d) => d.id === doc.id)!;
      expect(msg.checkpoint).toEqual({ id: doc.id, updatedAt: sent.updatedAt });
      expect(sent._deleted).toBe(false);
      expect(s.messages.flatMap((m) => m.documents.map((d) => d.id))).not.toContain(before.id);
      s.close();
    }
  });

  it('streams the server-numbered ticket, not the pushed one', async () => {
    const s = await openStream<Ticket>(streamUrl('tickets'), server.asAgent.token);
    const t = ticketDoc();
    await server.asAgent.push('tickets', [fresh(t)]);
    const msg = await s.waitFor((m) => m.documents.some((d) => d.id === t.id));
    expect(msg.documents.find((d) => d.id === t.id)!.number).toMatch(/^\d{4}-\d{6}$/);
    s.close();
  });

  it('sends a heartbeat comment and answers with event-stream headers', async () => {
    const res = await fetch(streamUrl('events'), { headers: { authorization: `Bearer ${server.asAgent.token}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    await res.body?.cancel();
    const s = await openStream(streamUrl('events'), server.asAgent.token);
    await vi.waitFor(() => expect(s.comments).toContain('heartbeat'), { timeout: 5_000, interval: 20 });
    s.close();
  });

  it('ends the stream of a revoked token at the next heartbeat', async () => {
    const { token } = await signedIn(server.database, 'agent');
    const s = await openStream(streamUrl('kb'), token);
    expect(s.status).toBe(200);
    await new ApiClient(server.url, token).post('/api/auth/logout', {});
    await Promise.race([s.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 2_000))]);
  });

  it('ends open streams when the server shuts down', async () => {
    const database = server.database;
    const other = await startServerOn(database);
    const s = await openStream(`${other.url}/api/replication/kb/pull/stream`, server.asAgent.token);
    expect(s.status).toBe(200);
    const closing = other.app.close();
    await Promise.race([s.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 3_000))]);
    await closing;
  });
});

describe('two instances on one PostgreSQL', () => {
  it('a push through one instance reaches the stream of the other', async () => {
    const url = await createPostgresDatabase();
    const dbA = await openDatabase({ url });
    const dbB = await openDatabase({ url });
    const a = await startServerOn(dbA);
    const b = await startServerOn(dbB);
    try {
      const { token, agent } = await signedIn(dbA, 'agent');
      const stream = await openStream<KbArticle>(`${b.url}/api/replication/kb/pull/stream`, token);
      expect(stream.status).toBe(200);
      const doc = kbDoc({ createdBy: agent.id, editedBy: agent.id });
      const res = await new ApiClient(a.url, token).push('kb', [fresh(doc)]);
      expect(res).toEqual({ conflicts: [], rejected: [] });
      // The other instance learns of it through LISTEN/NOTIFY alone (it never polls); its latency is
      // the server bench's stream figure.
      await stream.waitFor((m) => m.documents.some((d) => d.id === doc.id));
      stream.close();
    } finally {
      await a.app.close();
      await b.app.close();
      await dbA.close();
      await dbB.close();
    }
  });
});
