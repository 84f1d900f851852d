/**
 * `seed --demo`: fills an EMPTY workspace with the demo data (accounts, clients, KB, reply
 * scripts, 12 months of tickets with timelines) in one transaction: a failed seed leaves
 * nothing behind. Deterministic: the same `now` and `scale` give the same documents (the
 * passwords excepted: generated unless given).
 *
 * updatedAt of seeded documents: a commit clock starting at now − 24 h, one millisecond per
 * document per collection, so it stays behind the wall clock (up to 86 million documents) and
 * later pushes continue above it as usual.
 */
import type { Transaction } from 'kysely';
import { collectionNames, type CollectionName } from '#shared/protocol.ts';
import type { Agent } from '#shared/schema/agentSchema.ts';
import { insertAccount } from '../auth/accounts.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { isWorkspaceEmpty } from '../ops/restore.ts';
import { recordKbVersions } from '../replication/kbVersions.ts';
import { CollectionWriter, notifyCollection, upsertDocuments, type WireDocument } from '../replication/collectionWriter.ts';
import { formatTicketNumber, ticketYear } from '../replication/ticketNumbers.ts';
import { demoAccounts, type DemoLogin } from './demoAccounts.ts';
import { loadArticles, loadTemplates, defaultDemoDir } from './demoContent.ts';
import { buildDirectory } from './demoDirectory.ts';
import { buildArticles, buildTemplates } from './demoKnowledge.ts';
import { generateTickets } from './demoTickets.ts';
import { Prng } from './prng.ts';

export interface SeedOptions {
  now: number;
  /** Multiplies tickets and KB articles (benchmarks); default 1. */
  scale?: number;
  demoDir?: string;
  /** Passwords to set; the others are generated. */
  passwords?: Partial<Record<DemoLogin, string>>;
}

export interface SeedResult {
  accounts: Array<{ login: DemoLogin; name: string; role: string; password: string }>;
  counts: Record<CollectionName, number>;
  openTickets: number;
}

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Fixed PRNG seed: the demo workspace depends only on `now` and `scale`. */
const demoSeed = 0x24_5eed;
const DAY = 24 * 60 * 60 * 1000;

/** Buffers documents per collection and writes them in batches with the seed's commit clock. */
class SeedWriter {
  private readonly trx: Transaction<DbSchema>;
  private readonly clock = new Map<CollectionName, number>();
  private readonly buffers = new Map<CollectionName, WireDocument[]>();
  readonly counts = Object.fromEntries(collectionNames.map((c) => [c, 0])) as Record<CollectionName, number>;

  constructor(trx: Transaction<DbSchema>, start: number) {
    this.trx = trx;
    for (const c of collectionNames) this.clock.set(c, start);
  }

  async add(collection: CollectionName, docs: ReadonlyArray<Record<string, unknown> & { id: string }>): Promise<void> {
    const buffer = this.buffers.get(collection) ?? [];
    this.buffers.set(collection, buffer);
    for (const doc of docs) {
      const at = this.clock.get(collection)! + 1;
      this.clock.set(collection, at);
      buffer.push({ ...doc, updatedAt: at, _deleted: false });
      this.counts[collection]++;
    }
    if (buffer.length >= 1000) await this.flush(collection);
  }

  async flush(collection: CollectionName): Promise<void> {
    const buffer = this.buffers.get(collection) ?? [];
    this.buffers.set(collection, []);
    await upsertDocuments(this.trx, collection, buffer);
    // Each demo article starts its history in its author's name, as if its author had saved it.
    if (collection === 'kb') {
      const byEditor = new Map<string, WireDocument[]>();
      for (const doc of buffer) {
        const editor = String(doc.editedBy ?? '');
        const docs = byEditor.get(editor) ?? [];
        docs.push(doc);
        byEditor.set(editor, docs);
      }
      for (const [editor, docs] of byEditor) await recordKbVersions(this.trx, docs, editor);
    }
  }

  async finish(): Promise<void> {
    for (const c of collectionNames) {
      await this.flush(c);
      if (this.counts[c] > 0) await notifyCollection(this.trx, { c, u: this.clock.get(c)!, i: '' });
    }
  }
}

export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedResult> {
  const { now } = options;
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  if (!(await isWorkspaceEmpty(database))) {
    throw new SeedError(
      'Демо-данные заполняют только пустое рабочее пространство: укажите новую папку данных (--data) или пустую базу.',
    );
  }
  const demoDir = options.demoDir ?? defaultDemoDir;
  const accounts = demoAccounts.map((a) => ({ ...a, password: options.passwords?.[a.login] ?? generatePassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const prng = new Prng(demoSeed);
  const [demo, agent2, head, admin] = accounts.map((a) => ({ id: a.id, name: a.name, role: a.role }));

  const counts = await database.db.transaction().execute(async (trx) => {
    // Hold every collection's write lock (tickets, events first, as all writers do): a server
    // already running on this database sees the seed whole or not at all.
    for (const c of collectionNames) await CollectionWriter.open(trx, c);
    const writer = new SeedWriter(trx, now - DAY);

    const agents: Agent[] = [];
    for (const [i, a] of accounts.entries()) {
      await insertAccount(
        trx,
        { id: a.id, login: a.login, name: a.name, role: a.role, active: true },
        hashes[i]!,
        now - 400 * DAY,
      );
      agents.push({ id: a.id, login: a.login, name: a.name, role: a.role, active: true, updatedAt: 0 });
    }
    await writer.add('agents', agents);

    const directory = buildDirectory(prng, now - 380 * DAY, admin!.id);
    await writer.add('clients', directory.organisations);
    await writer.add(
      'clients',
      directory.sites.map((s) => s.doc),
    );

    const articles = buildArticles(loadArticles(demoDir), {
      prng,
      now,
      scale,
      authors: [demo!.id, head!.id, agent2!.id],
      siteNames: directory.sites.map((s) => s.doc.name),
    });
    await writer.add('kb', articles);
    await writer.add('templates', buildTemplates(loadTemplates(demoDir), { prng, now, authors: [head!.id, demo!.id] }));

    const lastNumber = new Map<number, number>();
    const result = await generateTickets({
      prng,
      now,
      scale,
      sites: directory.sites,
      agents: { demo: demo!, agent2: agent2!, head: head! },
      articles,
      numberFor: (createdAt) => {
        const year = ticketYear(createdAt);
        const n = (lastNumber.get(year) ?? 0) + 1;
        lastNumber.set(year, n);
        return formatTicketNumber(year, n);
      },
      sink: {
        ticket: (t) => writer.add('tickets', [t]),
        events: (events) => writer.add('events', events),
      },
    });
    for (const [year, last] of lastNumber) {
      await trx.insertInto('ticket_counters').values({ year, last_number: last }).execute();
    }
    await writer.finish();
    return { documents: writer.counts, open: result.open };
  });
  return {
    accounts: accounts.map((a) => ({ login: a.login, name: a.name, role: a.role, password: a.password })),
    counts: counts.documents,
    openTickets: counts.open,
  };
}
