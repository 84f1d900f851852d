/**
 * The archive: search over every ticket (Russian full text over number, subject, description and
 * timeline, filters, newest-first paging stable under writes), one ticket with its timeline, and
 * the refusals of bad parameters and of anonymous requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { baseInstant, eventDoc, fresh, ticketDoc, update } from './support/documents.ts';

interface SearchAnswer {
  tickets: Ticket[];
  nextCursor: string | null;
}
const hour = 3_600_000;

describe.each(backends)('archive on %s', (backend) => {
  let server: TestServer;
  const numbers = new Map<string, string>();
  const search = async (query: string) => {
    const res = await server.asAgent.get<SearchAnswer>(`/api/tickets/search?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const ids = (a: SearchAnswer) => a.tickets.map((t) => t.id);

  beforeAll(async () => {
    server = await startTestServer(backend);
    const tickets = [
      ticketDoc({
        id: 'ar-gate',
        subject: 'Шлагбаум не открывается',
        description: 'Въезд на парковку закрыт',
        createdAt: baseInstant - 5 * hour,
        clientId: 'c-1',
        siteId: 's-1',
        status: 'closed',
        priority: 'emergency',
      }),
      ticketDoc({
        id: 'ar-camera',
        subject: 'Камера не распознаёт номера',
        description: 'Ночью номера не читаются',
        createdAt: baseInstant - 4 * hour,
        clientId: 'c-1',
        siteId: 's-2',
      }),
      ticketDoc({
        id: 'ar-app',
        subject: 'Приложение не входит',
        description: 'Ошибка авторизации у жильца',
        createdAt: baseInstant - 3 * hour,
        clientId: 'c-2',
        siteId: 's-3',
        priority: 'consultation',
      }),
      ticketDoc({
        id: 'ar-pass',
        subject: 'Пропуск для гостя',
        description: 'Гостевой пропуск не приходит',
        createdAt: baseInstant - 40 * 24 * hour,
        clientId: 'c-2',
        siteId: 's-3',
      }),
    ];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
    const events = [
      eventDoc({ id: 'ar-e1', ticketId: 'ar-camera', body: 'Заменили контроллер ворот на въезде' }),
      eventDoc({ id: 'ar-e2', ticketId: 'ar-camera', body: 'Клиент подтвердил', at: baseInstant + 1 }),
    ];
    expect((await server.asAgent.push('events', events.map(fresh))).rejected).toEqual([]);
    for (const t of (await server.asAgent.pullAll<Ticket>('tickets')).documents) numbers.set(t.id, t.number!);
  });
  afterAll(() => server.close());

  it('finds a word in any of its forms: шлагбаумы finds a шлагбаум, newest first over every ticket', async () => {
    expect(ids(await search('q=шлагбаумы'))).toEqual(['ar-gate']);
    expect(ids(await search('q=ШЛАГБАУМОМ'))).toEqual(['ar-gate']);
    expect(ids(await search('q=номерами'))).toEqual(['ar-camera']);
    expect(ids(await search(''))).toEqual(['ar-app', 'ar-camera', 'ar-gate', 'ar-pass']);
  });

  it('finds a word typed halfway, and every word of the query', async () => {
    expect(ids(await search(`q=${encodeURIComponent('шлагб')}`))).toEqual(['ar-gate']);
    expect(ids(await search(`q=${encodeURIComponent('пропуск гостя')}`))).toEqual(['ar-pass']);
    expect(ids(await search(`q=${encodeURIComponent('пропуск шлагбаум')}`))).toEqual([]);
  });

  it('finds a ticket by the text of its timeline and by its number', async () => {
    expect(ids(await search('q=контроллеры'))).toEqual(['ar-camera']);
    const number = numbers.get('ar-app')!;
    expect(number).toMatch(/^\d{4}-\d{6}$/);
    expect(ids(await search(`q=${number}`))).toEqual(['ar-app']);
  });

  it('filters by client, site, status, priority, assignee and creation dates (Moscow days, both inclusive)', async () => {
    expect(ids(await search('clientId=c-1'))).toEqual(['ar-camera', 'ar-gate']);
    expect(ids(await search('clientId=c-2&siteId=s-3&q=пропуск'))).toEqual(['ar-pass']);
    expect(ids(await search('status=closed'))).toEqual(['ar-gate']);
    expect(ids(await search('status=new,closed&priority=emergency,consultation'))).toEqual(['ar-app', 'ar-gate']);
    expect(ids(await search('assigneeId=nobody'))).toEqual([]);
    // baseInstant is 2026-03-10 12:00 Moscow; ar-pass was created 40 days before.
    expect(ids(await search('from=2026-03-10&to=2026-03-10'))).toEqual(['ar-app', 'ar-camera', 'ar-gate']);
    expect(ids(await search('to=2026-03-09'))).toEqual(['ar-pass']);
    expect(ids(await search('from=2026-03-11'))).toEqual([]);
  });

  it('pages newest first with a cursor, every ticket exactly once while tickets are written meanwhile', async () => {
    const batch = Array.from({ length: 7 }, (_, i) =>
      ticketDoc({ id: `ar-page-${i}`, subject: `Домофон номер ${i}`, createdAt: baseInstant - 100 * 24 * hour + i * hour }),
    );
    expect((await server.asAgent.push('tickets', batch.map(fresh))).rejected).toEqual([]);
    const expected = batch.map((t) => t.id).reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: SearchAnswer = await search(`q=домофон&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      // Between pages: a new matching ticket, and an edit of one already seen and one not yet seen.
      const all = (await server.asAgent.pullAll<Ticket>('tickets')).documents;
      const edit = (id: string) => {
        const m = all.find((t) => t.id === id)!;
        return update(m, { ...m, subject: `${m.subject} (правка ${round})`, editedAt: m.editedAt + 1 });
      };
      const res = await server.asAgent.push<Ticket>('tickets', [
        fresh(ticketDoc({ id: `ar-page-new-${round}`, subject: 'Домофон новый', createdAt: baseInstant + round })),
        edit(expected[0]!),
        edit(expected[6]!),
      ]);
      expect(res.rejected).toEqual([]);
      round++;
    } while (cursor && round < 10);
    expect(seen).toEqual(expected);
  });

  it('answers one ticket with its timeline in order, and 404 for a ticket it does not hold', async () => {
    const res = await server.asAgent.get<{ ticket: Ticket; events: TicketEvent[] }>('/api/tickets/ar-camera');
    expect(res.status).toBe(200);
    expect(res.body.ticket.id).toBe('ar-camera');
    expect(res.body.ticket.number).toBe(numbers.get('ar-camera'));
    expect(res.body.events.map((e) => e.id)).toEqual(['ar-e1', 'ar-e2']);
    const missing = await server.asAgent.get<{ error: { code: string } }>('/api/tickets/ar-none');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ticket_not_found');
  });

  it('refuses bad parameters with a 400 and a reason', async () => {
    const cases: Array<[string, string]> = [
      ['colour=red', 'unknown_parameter'],
      ['limit=0', 'invalid_limit'],
      ['limit=10000', 'invalid_limit'],
      ['limit=ten', 'invalid_limit'],
      ['cursor=not-a-cursor', 'invalid_cursor'],
      [`q=${encodeURIComponent("шлагбаум'; drop table documents; --")}`, 'invalid_query'],
      [`q=${encodeURIComponent('1=1 or x')}`, 'invalid_query'],
      ['status=lost', 'invalid_parameter'],
      ['priority=high', 'invalid_parameter'],
      ['from=2026-02-30', 'invalid_parameter'],
      ['from=2026-03-11&to=2026-03-10', 'invalid_parameter'],
      ['clientId=a%20b', 'invalid_parameter'],
      ['status=new&status=closed', 'invalid_parameter'],
      [`q=${'а'.repeat(201)}`, 'invalid_query'],
    ];
    for (const [query, code] of cases) {
      const res = await server.asAgent.get<{ error: { code: string; message: string } }>(`/api/tickets/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe(code);
      expect(res.body.error.message.length, query).toBeGreaterThan(10);
    }
    expect(ids(await search(''))).toContain('ar-gate');
  });

  it('answers 401 to a request without a signed-in account', async () => {
    expect((await server.anonymous.get('/api/tickets/search?q=шлагбаум')).status).toBe(401);
    expect((await server.anonymous.get('/api/tickets/ar-gate')).status).toBe(401);
  });
});
