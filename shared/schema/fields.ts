/**
 * Field builders shared by the document schemas. RxDB's index rules:
 * indexed strings need maxLength, indexed numbers need multipleOf/minimum/maximum, indexed
 * booleans must be required. Instants are epoch milliseconds.
 */

/** The largest instant we store: year ~33658. Used as "no due instant" in sort keys. */
export const maxInstant = 1e15;

export const idField = { type: 'string', maxLength: 40 } as const;
export const refField = { type: ['string', 'null'], maxLength: 40 } as const;
export const instantField = { type: 'number', minimum: 0, maximum: maxInstant, multipleOf: 1 } as const;
export const nullableInstantField = { type: ['number', 'null'], minimum: 0, maximum: maxInstant } as const;
/** Assigned by the server on every stored write; strictly increasing per collection in commit order. */
export const updatedAtField = { type: 'number', minimum: 0, maximum: maxInstant } as const;

export const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
export const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;
export const stringEnum = <T extends readonly string[]>(values: T) => ({ type: 'string', enum: values, maxLength: 32 }) as const;
export const tagsField = { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 60 } } as const;
