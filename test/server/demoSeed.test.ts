/**
 * The demo workspace: deterministic (same `now` → same documents, on PGlite and PostgreSQL) and
 * shaped like the year of docs/product.md: ~3,500 tickets (~292 a month), the priority/channel mix,
 * escalations ~10%, repeats ~8%, CSAT ≥ 4.5, old tickets closed, today's emergencies waiting.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaStateOf } from '#shared/domain/ticketDeadlines.ts';
import { collectionNames, type CollectionName } from '#shared/protocol.ts';
import type { Agent, KbArticle, Ticket, TicketEvent } from '#shared/schema/index.ts';
import { openDatabase, type Database } from '../../server/db/openDatabase.ts';
import { loadArticles, loadTemplates, parseArticle } from '../../server/seed/demoContent.ts';
import { seedDemo, SeedError, type SeedResult } from '../../server/seed/seedDemo.ts';
import { documentValidator } from '../../server/validation/documentValidator.ts';
import { createPostgresDatabase, openTestPglite } from './support/testDatabase.ts';

/** Friday 2026-11-20 12:00 Moscow. */
const now = Date.UTC(2026, 10, 20, 9, 0);
const DAY = 86_400_000;

async function allDocuments(database: Database): Promise<Array<{ collection: CollectionName; json: string }>> {
  const res = await sql<{
    collection: CollectionName;
    json: string;
  }>`select collection, data::text as json from documents order by collection, updated_at, id`.execute(database.db);
  return res.rows;
}

describe('demo seed', () => {
  let pglite: Database;
  let postgres: Database;
  let result: SeedResult;
  let docs: Record<CollectionName, Array<Record<string, unknown>>>;
  let tickets: Ticket[];

  beforeAll(async () => {
    pglite = await openTestPglite();
    postgres = await openDatabase({ url: await createPostgresDatabase('seed') });
    result = await seedDemo(pglite, { now });
    await seedDemo(postgres, { now });
    const rows = await allDocuments(pglite);
    docs = Object.fromEntries(collectionNames.map((c) => [c, [] as Array<Record<string, unknown>>])) as typeof docs;
    for (const r of rows) docs[r.collection].push(JSON.parse(r.json) as Record<string, unknown>);
    tickets = docs.tickets as unknown as Ticket[];
  });
  afterAll(async () => {
    await pglite.close();
    await postgres.close();
  });

  it('is deterministic: the same now gives the same documents, on PGlite and on PostgreSQL', async () => {
    const a = await allDocuments(pglite);
    const b = await allDocuments(postgres);
    expect(b.length).toBe(a.length);
    expect(b.map((r) => JSON.parse(r.json) as unknown)).toEqual(a.map((r) => JSON.parse(r.json) as unknown));
  });

  it('refuses to seed a workspace that has data', async () => {
    await expect(seedDemo(pglite, { now })).rejects.toThrow(SeedError);
  });

  it('stores only schema-valid documents', () => {
    const validator = documentValidator();
    const invalid = collectionNames
      .flatMap((c) => docs[c].map((d) => [c, d.id, validator.check(c, d)] as const))
      .filter(([, , r]) => !r.ok);
    expect(invalid.slice(0, 3)).toEqual([]);
  });

  it('has about 3,500 tickets over 12 months, about 292 a month', () => {
    expect(tickets.length).toBeGreaterThan(3300);
    expect(tickets.length).toBeLessThan(3700);
    expect(Math.min(...tickets.map((t) => t.createdAt))).toBeGreaterThan(now - 366 * DAY);
    expect(Math.max(...tickets.map((t) => t.createdAt))).toBeLessThanOrEqual(now);
    // Twelve 30-day months back from now; the one with the New Year holidays (1–8 January off) is lighter.
    for (let m = 0; m < 12; m++) {
      const n = tickets.filter((t) => t.createdAt <= now - m * 30 * DAY && t.createdAt > now - (m + 1) * 30 * DAY).length;
      expect(n, `month ${m}`).toBeGreaterThan(180);
      expect(n, `month ${m}`).toBeLessThan(360);
    }
  });

  const share = (pred: (t: Ticket) => boolean) => tickets.filter(pred).length / tickets.length;

  it.each([
    ['emergency', 0.06, 0.11],
    ['standard', 0.55, 0.65],
    ['consultation', 0.27, 0.36],
  ] as const)('has %s priority in %f..%f of tickets', (priority, low, high) => {
    const s = share((t) => t.priority === priority);
    expect(s).toBeGreaterThan(low);
    expect(s).toBeLessThan(high);
  });

  it('uses the four channels and four products', () => {
    for (const channel of ['phone', 'email', 'messenger', 'crm'])
      expect(
        share((t) => t.channel === channel),
        channel,
      ).toBeGreaterThan(0.07);
    for (const product of ['pass24_online', 'pass24_key', 'pass24_auto', 'pass24_admin'])
      expect(
        share((t) => t.product === product),
        product,
      ).toBeGreaterThan(0.02);
  });

  it('escalates about one ticket in ten, repeats about 8%, and scores CSAT 4.5 on average', () => {
    const escalated = share((t) => t.escalation.state !== 'none');
    expect(escalated).toBeGreaterThan(0.07);
    expect(escalated).toBeLessThan(0.13);
    const repeats = share((t) => t.repeatOf !== null);
    expect(repeats).toBeGreaterThan(0.06);
    expect(repeats).toBeLessThan(0.1);
    const scores = tickets.filter((t) => t.csat).map((t) => t.csat!.score);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(4.45);
    expect(mean).toBeLessThan(4.7);
    expect(scores.length / tickets.filter((t) => t.status === 'closed').length).toBeGreaterThan(0.75);
  });

  it('closes every ticket older than two weeks, mostly within the SLA', () => {
    const old = tickets.filter((t) => t.createdAt < now - 14 * DAY);
    expect(
      old.every((t) => t.status === 'closed' && t.closedAt !== null && t.resolvedAt !== null && t.confirmation !== null),
    ).toBe(true);
    for (const priority of ['emergency', 'standard', 'consultation'] as const) {
      const closed = old.filter((t) => t.priority === priority);
      const met = closed.filter((t) => {
        const s = slaStateOf(t, now);
        return s.resolution.stage === 'met' && (s.firstContact === null || s.firstContact.stage === 'met');
      });
      expect(met.length / closed.length, priority).toBeGreaterThan(0.9);
    }
  });

  it('leaves a handful open today, including emergencies still waiting for the first contact', () => {
    const open = tickets.filter((t) => t.status !== 'closed');
    expect(open.length).toBeGreaterThan(5);
    expect(open.length).toBeLessThan(60);
    const waiting = open.filter(
      (t) => t.priority === 'emergency' && t.status === 'new' && t.firstContactAt === null && t.createdAt > now - 15 * 60_000,
    );
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.length).toBeLessThanOrEqual(2);
    for (const t of waiting) expect(t.firstContactDueAt).toBeGreaterThan(now);
  });

  it('gives each ticket a consistent statusLog and a timeline starting with "created"', () => {
    const byTicket = new Map<string, TicketEvent[]>();
    for (const e of docs.events as unknown as TicketEvent[]) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
    for (const t of tickets) {
      expect(t.statusLog[0]).toEqual({ status: 'new', at: t.createdAt });
      expect(t.statusLog.at(-1)!.status).toBe(t.status);
      const events = byTicket.get(t.id) ?? [];
      expect(events[0]?.kind, t.id).toBe('created');
      const changes = events.filter((e) => e.kind === 'status_changed').length;
      expect(changes).toBe(t.statusLog.length - 1);
    }
    expect(byTicket.size).toBe(tickets.length);
  });

  it('numbers tickets gap-free per year in creation order, with matching counters', async () => {
    const byYear = new Map<string, Ticket[]>();
    for (const t of tickets) byYear.set(t.number!.slice(0, 4), [...(byYear.get(t.number!.slice(0, 4)) ?? []), t]);
    const counters = await pglite.db.selectFrom('ticket_counters').selectAll().execute();
    for (const [year, list] of byYear) {
      list.sort((a, b) => a.createdAt - b.createdAt);
      expect(list.map((t) => Number(t.number!.slice(5)))).toEqual(list.map((_, i) => i + 1));
      expect(counters.find((c) => c.year === Number(year))?.last_number).toBe(list.length);
    }
  });

  it('creates the demo accounts and their agent documents', () => {
    expect(result.accounts.map((a) => [a.login, a.role])).toEqual([
      ['demo', 'agent'],
      ['agent2', 'agent'],
      ['head', 'head'],
      ['admin', 'admin'],
    ]);
    expect((docs.agents as unknown as Agent[]).map((a) => a.login).sort()).toEqual(['admin', 'agent2', 'demo', 'head']);
    expect(new Set(tickets.map((t) => t.assigneeId)).size).toBeGreaterThanOrEqual(2);
  });

  it('has organisations and sites of every kind, with Russian names', () => {
    const sites = docs.clients.filter((c) => c.kind === 'site');
    expect(docs.clients.filter((c) => c.kind === 'organization').length).toBeGreaterThanOrEqual(20);
    expect(new Set(sites.map((s) => s.siteType))).toEqual(new Set(['residential', 'business_centre', 'cottage', 'industrial']));
    expect(sites.map((s) => s.name).join(' ')).toMatch(/ЖК «.+».*БЦ «.+»/s);
  });

  it('loads the KB articles and reply scripts present in resources/demo and links solutions to articles', () => {
    const articles = loadArticles();
    expect(docs.kb).toHaveLength(articles.length);
    expect(docs.templates).toHaveLength(loadTemplates().length);
    const closed = tickets.filter((t) => t.status === 'closed');
    if (articles.length > 0) {
      const ids = new Set((docs.kb as unknown as KbArticle[]).map((a) => a.id));
      expect(closed.every((t) => t.resolution && ids.has(t.resolution.kbArticleId))).toBe(true);
    }
  });
});

describe('demo content files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses front matter with inline or block tag lists and product names or codes', () => {
    expect(
      parseArticle(
        'a',
        '---\ntitle: Камера не видит номер\nproduct: PASS24.auto\ntags: [камера, номер]\n---\n# Камера\n\nТекст.',
      ),
    ).toEqual({
      slug: 'a',
      title: 'Камера не видит номер',
      product: 'pass24_auto',
      tags: ['камера', 'номер'],
      body: '# Камера\n\nТекст.',
    });
    expect(
      parseArticle('b', '---\ntitle: "Гостевой пропуск"\nproduct: pass24_online\ntags:\n  - гость\n  - пропуск\n---\nТело'),
    ).toMatchObject({ product: 'pass24_online', tags: ['гость', 'пропуск'] });
    expect(parseArticle('c', 'без заголовка')).toBeNull();
  });

  it('seeds with whatever content is there, and scales tickets and articles', async () => {
    mkdirSync(join(dir, 'kb'));
    for (let i = 0; i < 4; i++)
      writeFileSync(
        join(dir, 'kb', `a${i}.md`),
        `---\ntitle: Статья ${i}\nproduct: pass24_key\ntags: [ключ]\n---\nТекст статьи ${i}.`,
      );
    writeFileSync(
      join(dir, 'templates.json'),
      JSON.stringify([
        { title: 'Приветствие', category: 'Общее', body: 'Здравствуйте, {{client.name}}!', channels: ['email', 'fax'] },
      ]),
    );
    const small = await openDatabase({ url: await createPostgresDatabase('seedscale') });
    try {
      const res = await seedDemo(small, { now, scale: 2, demoDir: dir });
      expect(res.counts.kb).toBe(4 * Math.round((333 * 2) / 4));
      expect(res.counts.templates).toBe(1);
      expect(res.counts.tickets).toBeGreaterThan(6600);
      expect(res.counts.tickets).toBeLessThan(7400);
      const tpl = await small.db
        .selectFrom('documents')
        .select('data')
        .where('collection', '=', 'templates')
        .executeTakeFirstOrThrow();
      expect((tpl.data as { channels: string[] }).channels).toEqual(['email']);
    } finally {
      await small.close();
    }
  });
});
