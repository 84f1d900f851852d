/**
 * The local database: RxDB on IndexedDB (Dexie storage). The UI reads only from here and every
 * write lands here first; replication (renderer/src/sync) carries it to the central endpoint.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { schemas, type CollectionDocs } from '#shared/schema/index.ts';
import type { CollectionName } from '#shared/protocol.ts';
import { conflictHandlerFor } from './conflictHandler.ts';
import { migrationStrategies } from './migrations.ts';
import { syncProblemSchema, type SyncProblem } from './localSchemas.ts';
import { outboxSchema, type OutboxEntry } from './outbox.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBUpdatePlugin);

export type DeskCollections = { [K in CollectionName]: RxCollection<CollectionDocs[K]> } & {
  syncproblems: RxCollection<SyncProblem>;
  outbox: RxCollection<OutboxEntry>;
};
export type DeskDatabase = RxDatabase<DeskCollections>;

export interface OpenDatabaseOptions {
  /** IndexedDB database name; one per endpoint, i.e. per workspace (databaseNameFor). */
  name: string;
  /** For tests in Node: fake-indexeddb's indexedDB and IDBKeyRange. */
  indexedDB?: unknown;
  IDBKeyRange?: unknown;
  /** RxDB dev-mode (schema checks, frozen documents): development builds only. */
  devMode?: boolean;
}

let devModeLoaded = false;

async function loadDevMode(): Promise<void> {
  if (devModeLoaded) return;
  const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  devModeLoaded = true;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DeskDatabase> {
  if (options.devMode) await loadDevMode();
  type DexieSettings = NonNullable<Parameters<typeof getRxStorageDexie>[0]>;
  const dexie = getRxStorageDexie(
    options.indexedDB ? ({ indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } as DexieSettings) : {},
  );
  // In development, a validator that needs no 'unsafe-eval' (the production CSP forbids it).
  const storage = options.devMode
    ? (await import('rxdb/plugins/validate-z-schema')).wrappedValidateZSchemaStorage({ storage: dexie })
    : dexie;
  const db = await createRxDatabase<DeskCollections>({
    name: options.name,
    storage,
    // One window per profile: no cross-tab leader election.
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  const collection = <K extends CollectionName>(name: K) => ({
    // The shared schemas are plain JSON Schema with RxDB's keywords; the cast bridges the literal type.
    schema: schemas[name] as unknown as RxJsonSchema<CollectionDocs[K]>,
    migrationStrategies: migrationStrategies[name],
    conflictHandler: conflictHandlerFor(name),
  });
  await db.addCollections({
    tickets: collection('tickets'),
    events: collection('events'),
    kb: collection('kb'),
    templates: collection('templates'),
    clients: collection('clients'),
    agents: collection('agents'),
    config: collection('config'),
    syncproblems: { schema: syncProblemSchema as unknown as RxJsonSchema<SyncProblem> },
    outbox: { schema: outboxSchema as unknown as RxJsonSchema<OutboxEntry> },
  });
  return db;
}

/**
 * IndexedDB name for a workspace: an endpoint serves one workspace, so the working set is per
 * endpoint, not per agent, and another agent signing in on the same desk finds it stored. One
 * agent's unsent changes never reach the next (signOut keeps the data only when none wait).
 */
export function databaseNameFor(endpointUrl: string): string {
  const slug = `${endpointUrl}|workspace`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 80);
  return `pass24desk_${slug}`;
}
