/**
 * A request the endpoint's rules refuse, said without HTTP: replication and intake throw these,
 * and server/http/errorHandler.ts gives each kind its status code.
 */
export type RefusalKind = 'invalid' | 'forbidden';

export class DomainError extends Error {
  readonly kind: RefusalKind;
  /** A stable code the client may branch on. */
  readonly code: string;

  constructor(kind: RefusalKind, code: string, message: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
  }
}

/** The request is malformed or breaks a rule of the data. */
export const invalid = (code: string, message: string): DomainError => new DomainError('invalid', code, message);

/** The caller may not do this. */
export const forbidden = (code: string, message: string): DomainError => new DomainError('forbidden', code, message);
