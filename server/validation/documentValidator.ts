/**
 * Validates pushed documents against the shared schemas (shared/schema, the ones RxDB uses), as
 * they travel: the schema's fields plus `_deleted`. The schemas carry RxDB keywords (version,
 * primaryKey, indexes) that ajv does not know: strict mode off makes it ignore them.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { badTextPath, maxDocumentDepth, tooDeep } from '#shared/authz/documentLimits.ts';
import { schemas } from '#shared/schema/index.ts';
import { collectionNames, type CollectionName } from '#shared/protocol.ts';
import { checkConfigValue } from './configValueCheck.ts';
import { describeSchemaErrors } from './schemaErrors.ts';

export type DocumentCheck = { ok: true } | { ok: false; code: 'invalid_document' | 'invalid_text'; reason: string };

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

  /**
   * Depth first (a deep document costs every later step), then the schema, then the text: a NUL or
   * half of a surrogate pair passes a JSON schema and then fails in PostgreSQL, which would fail the
   * whole batch. Such a document is refused on its own; the desk lists it under sync problems.
   */
  check(collection: CollectionName, doc: Record<string, unknown>): DocumentCheck {
    if (tooDeep(doc)) {
      return {
        ok: false,
        code: 'invalid_document',
        reason: `Документ вложен слишком глубоко: допускается не больше ${maxDocumentDepth} уровней.`,
      };
    }
    const validate = this.validators[collection];
    if (!validate(doc)) return { ok: false, code: 'invalid_document', reason: describeSchemaErrors(validate.errors, 'Документ') };
    const bad = badTextPath(doc);
    if (bad !== null) return { ok: false, code: 'invalid_text', reason: badTextReason(bad) };
    if (collection === 'config' && doc._deleted !== true) {
      const value = checkConfigValue(doc.id, doc.value);
      if (!value.ok) return { ok: false, code: 'invalid_document', reason: value.reason };
    }
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

/** Why text was refused, naming the field (shared by the push and the intake API). */
export function badTextReason(path: string): string {
  return `Поле «${path}» содержит символ, который нельзя сохранить (нулевой символ или половину суррогатной пары): удалите его и отправьте снова.`;
}
