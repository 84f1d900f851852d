/** The vocabulary of the document rules (documentRules.ts). */
import type { Role } from '../vocabulary/enums.ts';
import type { RejectionCode } from '../protocol.ts';

export type AuthzCode = Extract<
  RejectionCode,
  'forbidden_action' | 'foreign_author' | 'invalid_text' | 'invalid_document' | 'forbidden_role' | 'pull_only' | 'insert_only'
>;

export interface Refusal {
  code: AuthzCode;
  /** A Russian sentence the manager can act on. */
  reason: string;
}

/** A document as it travels (fields plus the tombstone flag). */
export type RuleDoc = Record<string, unknown> & { id: string; _deleted?: boolean };

export interface RuleInput {
  role: Role;
  /** The signed-in account's id. */
  agentId: string;
  /** The stored document, or null when it is new to the endpoint. */
  stored: RuleDoc | null;
  pushed: RuleDoc;
  /** The endpoint's clock, epoch ms. */
  now: number;
}
