/**
 * Text PostgreSQL cannot store (a NUL, half of a surrogate pair from a cut string) and documents
 * nested without end: refused one document at a time, never a 500 that loses the whole batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigDoc, Ticket } from '#shared/schema/index.ts';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { configDoc, fresh, ticketDoc } from './support/documents.ts';

describe.each(backends)('bad text and deep documents on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  it('refuses a NUL and a lone surrogate per document and stores the rest of the batch', async () => {
    const mine = { createdBy: server.agent.id, editedBy: server.agent.id };
    const good = ticketDoc({ ...mine, subject: 'Шлагбаум 😀 не открывается' });
    const nul = ticketDoc({ ...mine, subject: 'Турникет\u0000 молчит' });
    const cut = ticketDoc({ ...mine, description: 'Обрезанный смайлик \uD83D' });
    const res = await server.asAgent.post<{ rejected: Array<{ id: string; code: string; reason: string }> }>(
      '/api/replication/tickets/push',
      [fresh(good), fresh(nul), fresh(cut)],
    );
    expect(res.status).toBe(200);
    expect(res.body.rejected.map((r) => r.id).sort()).toEqual([nul.id, cut.id].sort());
    expect(res.body.rejected.find((r) => r.id === nul.id)?.reason).toContain('«subject»');
    expect(res.body.rejected.find((r) => r.id === cut.id)?.reason).toContain('«description»');
    const stored = await server.asAgent.pullAll<Ticket>('tickets');
    expect(stored.documents.map((d) => d.id)).toContain(good.id);
    expect(stored.documents.find((d) => d.id === good.id)?.subject).toBe('Шлагбаум 😀 не открывается');
    expect(stored.documents.map((d) => d.id)).not.toContain(nul.id);
  });

  it('answers an intake request with a NUL with a 400 that says why', async () => {
    const { key } = await createApiKey(server.database.db, 'email');
    const res = await server.anonymous.post<{ error: { code: string; message: string } }>(
      '/api/intake/tickets',
      {
        channel: 'email',
        externalId: 'msg-nul-1',
        subject: 'Письмо с нулевым символом\u0000',
        description: '',
        contact: { name: 'Ирина' },
      },
      { 'x-api-key': key },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('«subject»');
  });

  it('refuses a setting nested 5,000 levels deep, and the endpoint keeps answering', async () => {
    // Written as text: a 5,000-level object is past what JSON.stringify can walk here.
    const value = `${'{"d":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const head = JSON.stringify(fresh(configDoc({ id: 'calendar', editedBy: server.head.id } as Partial<ConfigDoc>)));
    const body = `[${head.replace('"value":{"csat":4.5}', `"value":${value}`)}]`;
    expect(body.length).toBeGreaterThan(30_000);
    const res = await server.asHead.post<{ rejected: Array<{ id: string; code: string }> }>(
      '/api/replication/config/push',
      body,
      {
        'content-type': 'application/json',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([expect.objectContaining({ id: 'calendar', code: 'invalid_document' })]);
    expect((await server.anonymous.get('/api/health')).status).toBe(200);
  });
});
