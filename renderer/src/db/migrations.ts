import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '#shared/protocol.ts';

/**
 * Migration strategies per collection and schema version. Every schema starts at version 0;
 * bumping a schema's `version` in shared/schema requires an entry here (`1: (oldDoc) => newDoc`),
 * and RxDB refuses to open a collection whose strategy is missing.
 */
export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  tickets: {},
  // 1: an index on `kind` (the reports'); the documents are unchanged and kept.
  events: { 1: (doc) => doc },
  kb: {
    // Articles gained a category, symptoms and the head's return comment
    // (server/db/migrations/009_kb_fields.ts gives the same defaults).
    1: (old: Record<string, unknown>) => ({ category: null, symptoms: [], returned: null, ...old }),
  },
  templates: {
    // Scripts gained an owner, an archived flag and a phone variant: existing ones are shared,
    // in use, written only (server/db/migrations/002_template_owners.ts gives the same defaults).
    1: (old: Record<string, unknown>) => ({ phoneBody: null, ownerId: null, archived: false, ...old }),
    // Scripts gained a conflict draft (merged like a KB article's): none to begin with
    // (server/db/migrations/008_template_conflicts.ts gives the same default).
    2: (old: Record<string, unknown>) => ({ conflictDraft: null, ...old }),
  },
  clients: {
    // Cards gained an INN and a link to a CRM company: none to begin with
    // (server/db/migrations/012_bitrix24.ts gives the same defaults).
    1: (old: Record<string, unknown>) => ({ inn: '', crm: null, ...old }),
  },
  agents: {},
  // 1: the key `workspace` joined the enum; the documents are unchanged.
  config: { 1: (doc) => doc },
};
