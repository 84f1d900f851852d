/**
 * The intake API for channel connectors: API key per channel, validated body, a full ticket
 * plus its `created` event, numbered, streamed to workstations, idempotent on externalId.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeTicketRequest, IntakeTicketResponse } from '#shared/protocol.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { maxInstant } from '#shared/schema/index.ts';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { documentValidator } from '../../server/validation/documentValidator.ts';
import { backends, documentCount } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { openStream } from './support/sseReader.ts';

const request = (overrides: Partial<IntakeTicketRequest> = {}): IntakeTicketRequest => ({
  channel: 'email',
  externalId: `msg-${Math.random().toString(36).slice(2)}`,
  subject: 'Не работает шлагбаум на въезде',
  description: 'Со вчерашнего вечера шлагбаум не открывается по номерам.',
  contact: { name: 'Ирина Соколова', email: 'sokolova@uk-dom.ru' },
  organization: 'УК «Уютный дом»',
  site: 'ЖК «Северный парк»',
  product: 'pass24_auto',
  priority: 'emergency',
  ...overrides,
});

describe.each(backends)('intake on %s', (backend) => {
  let server: TestServer;
  let emailKey: string;
  let crmKey: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    emailKey = (await createApiKey(server.database.db, 'email')).key;
    crmKey = (await createApiKey(server.database.db, 'crm')).key;
  });
  afterAll(() => server.close());

  const post = (body: unknown, key: string | null = emailKey) =>
    server.anonymous.post<IntakeTicketResponse & { error?: { code: string; message: string } }>(
      '/api/intake/tickets',
      body,
      key ? { 'x-api-key': key } : {},
    );

  it('files a complete ticket and its created event, numbered, on every workstation stream', async () => {
    const stream = await openStream<Ticket>(`${server.url}/api/replication/tickets/pull/stream`, server.asAgent.token);
    const body = request();
    const before = Date.now();
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), number: expect.stringMatching(/^\d{4}-\d{6}$/), created: true });

    const msg = await stream.waitFor((m) => m.documents.some((d) => d.id === res.body.id));
    const ticket = msg.documents.find((d) => d.id === res.body.id)!;
    expect(documentValidator().check('tickets', ticket)).toEqual({ ok: true });
    expect(ticket).toMatchObject({
      number: res.body.number,
      status: 'new',
      priority: 'emergency',
      type: 'incident',
      channel: 'email',
      product: 'pass24_auto',
      subject: body.subject,
      organizationName: body.organization,
      siteName: body.site,
      contact: { name: 'Ирина Соколова', email: 'sokolova@uk-dom.ru', phone: '', messenger: '' },
      assigneeId: '',
      externalId: body.externalId,
      escalation: {
        state: 'none',
        reason: '',
        requestedAt: null,
        requestedBy: '',
        decidedAt: null,
        decidedBy: '',
        devTaskRef: '',
        comment: '',
      },
      statusLog: [{ status: 'new', at: ticket.createdAt }],
    });
    expect(ticket.createdAt).toBeGreaterThanOrEqual(before);
    // The SLA engine filled the due instants: an emergency has a first-contact deadline.
    expect(ticket.firstContactDueAt).toBeGreaterThan(ticket.createdAt);
    expect(ticket.dueAt).toBeLessThan(maxInstant);

    const { documents: events } = await server.asAgent.pullAll<TicketEvent>('events');
    const created = events.filter((e) => e.ticketId === res.body.id);
    expect(created).toEqual([
      expect.objectContaining({ kind: 'created', at: ticket.createdAt, data: { channel: 'email', externalId: body.externalId } }),
    ]);
    stream.close();
  });

  it('answers the same externalId with the same ticket, also when posted concurrently', async () => {
    const body = request({ priority: 'consultation' });
    const answers = await Promise.all([post(body), post(body), post(body)]);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.body.created)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200 && !a.body.created)).toHaveLength(2);
    const again = await post({ ...body, subject: 'Другая тема' });
    expect(again.body).toEqual({ id: answers[0]!.body.id, number: answers[0]!.body.number, created: false });
    const { documents } = await server.asAgent.pullAll<Ticket>('tickets');
    expect(documents.filter((t) => t.externalId === body.externalId)).toHaveLength(1);
  });

  it('keeps the same externalId of different channels apart', async () => {
    const a = await post(request({ externalId: 'shared-1' }));
    const b = await post(request({ externalId: 'shared-1', channel: 'crm' }), crmKey);
    expect(a.body.id).not.toBe(b.body.id);
    expect(b.body.created).toBe(true);
  });

  it.each([
    ['no key', null, 401, 'invalid_api_key'],
    ['a wrong key', 'p24k_not-a-real-key-0000000000', 401, 'invalid_api_key'],
  ])('refuses %s', async (_label, key, status, code) => {
    const before = await documentCount(server.database);
    const res = await post(request(), key);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(await documentCount(server.database)).toBe(before);
  });

  it('refuses a ticket for another channel than the key was made for', async () => {
    const res = await post(request({ channel: 'crm' }));
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/выдан для канала «email»/);
  });

  it.each([
    ['no subject', { subject: undefined }],
    ['an empty subject', { subject: '   ' }],
    ['an unknown priority', { priority: 'urgent' }],
    ['an unknown product', { product: 'pass25' }],
    ['a contact without a name', { contact: { email: 'a@b.ru' } }],
    ['an unknown field', { colour: 'red' }],
    ['a too long description', { description: 'я'.repeat(20001) }],
  ])('refuses %s with 400 and a reason, storing nothing', async (_label, change) => {
    const before = await documentCount(server.database);
    const res = await post({ ...request(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/Обращение не соответствует схеме/);
    expect(await documentCount(server.database)).toBe(before);
  });
});
