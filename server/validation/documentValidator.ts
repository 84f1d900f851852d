/**
 * Validates pushed documents against the shared schemas (shared/schema, the ones RxDB uses), as
 * they travel: the schema's fields plus `_deleted`. The schemas carry RxDB keywords (version,
 * primaryKey, indexes) that ajv does not know: strict mode off makes it ignore them.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { schemas } from '#shared/schema/index.ts';
import { collectionNames, type CollectionName } from '#shared/protocol.ts';
import { checkConfigValue } from './configValueCheck.ts';
import { describeSchemaErrors } from './schemaErrors.ts';

export type DocumentCheck = { ok: true } | { ok: false; reason: string };

/** RxDB's internal fields: never stored, stripped if a client sends them. */
const rxdbInternalFields = ['_meta', '_rev', '_attachments'] as const;

function wireSchema(collection: CollectionName): object {
  const schema = schemas[collection];
  return {
    ...schema,
    properties: { ...schema.properties, _deleted: { type: 'boolean' } },
    required: [...schema.required, '_deleted'],
  };
}

export class DocumentValidator {
  private readonly validators: Record<CollectionName, ValidateFunction>;

  constructor() {
    const ajv = new Ajv({ strict: false, allErrors: true });
    this.validators = Object.fromEntries(collectionNames.map((c) => [c, ajv.compile(wireSchema(c))])) as Record<
      CollectionName,
      ValidateFunction
    >;
  }

  check(collection: CollectionName, doc: Record<string, unknown>): DocumentCheck {
    const validate = this.validators[collection];
    if (!validate(doc)) return { ok: false, reason: describeSchemaErrors(validate.errors, 'Документ') };
    if (collection === 'config' && doc._deleted !== true) return checkConfigValue(doc.id, doc.value);
    return { ok: true };
  }
}

/**
 * The document as the server will take it: a shallow copy without RxDB internals, with
 * `updatedAt` reset (the server assigns it when storing; whatever the client sent is ignored).
 */
export function normaliseIncoming(doc: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc, updatedAt: 0 };
  for (const key of rxdbInternalFields) delete copy[key];
  return copy;
}

let shared: DocumentValidator | null = null;
/** One compiled validator per process (compiling the seven schemas takes a few ms). */
export function documentValidator(): DocumentValidator {
  shared ??= new DocumentValidator();
  return shared;
}
