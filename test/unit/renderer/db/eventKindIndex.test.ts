/**
 * The events collection's index on `kind` (schema version 1): a desk whose local database was
 * made with version 0 keeps every timeline entry when it opens with version 1, and the reports'
 * query by kind runs on the new index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { eventSchema, type TicketEvent } from '#shared/schema/index.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';

const name = `test_${Math.random().toString(36).slice(2)}`;

/** The events schema as desks had it before the index on kind. */
const eventSchemaV0 = { ...eventSchema, version: 0, indexes: [['ticketId', 'at', 'id']] };

const entry = (i: number, kind: TicketEvent['kind'], ticketId: string): TicketEvent =>
  ({
    id: `e-${i}`,
    ticketId,
    kind,
    at: 1_780_000_000_000 + i * 60_000,
    authorId: 'ag1',
    authorName: 'Анна',
    public: false,
    body: i % 2 === 0 ? 'Заметка' : '',
    data: kind === 'assigned' ? { from: 'ag1', to: 'ag2' } : {},
    updatedAt: i,
  }) as TicketEvent;

const stored = [
  entry(1, 'created', 'T1'),
  entry(2, 'assigned', 'T1'),
  entry(3, 'note', 'T1'),
  entry(4, 'created', 'T2'),
  entry(5, 'assigned', 'T2'),
  entry(6, 'priority_changed', 'T2'),
];

let db: DeskDatabase;
beforeAll(async () => {
  // A desk's database as version 0 left it, closed before the new version opens it.
  const old = await createRxDatabase({
    name,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange } as never),
    multiInstance: false,
  });
  await old.addCollections({ events: { schema: eventSchemaV0 as unknown as RxJsonSchema<TicketEvent> } });
  await old.collections.events!.bulkInsert(stored);
  await old.close();
  db = await openDatabase({ name, indexedDB, IDBKeyRange, devMode: true });
});
afterAll(async () => {
  await db.remove();
});

describe('the events collection at schema version 1', () => {
  it('indexes events by kind', () => {
    expect(eventSchema.version).toBe(1);
    expect(eventSchema.indexes).toContainEqual(['kind', 'at', 'id']);
  });

  it('keeps every event a version-0 desk stored, unchanged', async () => {
    const docs = await db.events.find({ sort: [{ id: 'asc' }] }).exec();
    expect(docs.map((d) => d.toJSON())).toEqual(stored);
  });

  it('answers a query by kind on the kind index, with that kind’s events alone', async () => {
    const query = db.events.find({ selector: { kind: 'assigned' } });
    const plan = query.getPreparedQuery().queryPlan;
    expect(plan.index.filter((f) => f !== '_deleted')[0]).toBe('kind');
    expect((await query.exec()).map((d) => d.id).sort()).toEqual(['e-2', 'e-5']);
  });
});
