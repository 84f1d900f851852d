/**
 * The HTTP protocol between a workstation and the central endpoint (docs/sync.md).
 * Replication routes per collection:
 *   GET  /api/replication/:collection/pull?id=&updatedAt=&limit=[&scope=working&closedWindowDays=]   -> PullResponse
 *   POST /api/replication/:collection/push   body: PushRow[]        -> PushResponse
 *   GET  /api/replication/:collection/pull/stream                  -> SSE of PullResponse ('RESYNC' on reconnect is the client's)
 * Every route needs `Authorization: Bearer <token>`.
 */
import type { Role } from './vocabulary/enums.ts';

export const collectionNames = ['tickets', 'events', 'kb', 'templates', 'clients', 'agents', 'config'] as const;
export type CollectionName = (typeof collectionNames)[number];

export function isCollectionName(value: string): value is CollectionName {
  return (collectionNames as readonly string[]).includes(value);
}

/** Collections a workstation may not push to. */
export const pullOnlyCollections: readonly CollectionName[] = ['agents'];
/** Collections whose documents are never updated once stored. */
export const insertOnlyCollections: readonly CollectionName[] = ['events'];
/** Roles allowed to push each collection (absent: every signed-in role). */
export const pushRoles: Partial<Record<CollectionName, readonly Role[]>> = {
  agents: [],
  config: ['head', 'admin'],
};

/** Position in a collection's change feed: the last document seen, ordered by (updatedAt, id). */
export interface Checkpoint {
  id: string;
  updatedAt: number;
}

/** A document as it travels: its fields plus the tombstone flag. */
export type WithDeleted<T> = T & { _deleted: boolean };

export interface PullResponse<T> {
  documents: Array<WithDeleted<T>>;
  /** Checkpoint of the last document returned; the request's checkpoint when there were none. */
  checkpoint: Checkpoint | null;
}

export const maxPullLimit = 1000;

export interface PushRow<T> {
  /** The master state the client's change was based on; null for a document new to the client. */
  assumedMasterState: WithDeleted<T> | null;
  newDocumentState: WithDeleted<T>;
}

/**
 * Why the server refused a pushed document. `code` is stable and translated by the client;
 * `reason` is a human sentence (Russian) with the technical detail.
 */
export type RejectionCode =
  | 'invalid_document'
  | 'forbidden_role'
  | 'pull_only'
  | 'insert_only'
  | 'immutable_field'
  | 'duplicate'
  /** A rule of docs/authorization.md refuses this change to this account. */
  | 'forbidden_action'
  /** An author field (authorId, editedBy, decidedBy...) names someone other than the signed-in account. */
  | 'foreign_author'
  /** Text that cannot be stored: a NUL character or half of a surrogate pair. */
  | 'invalid_text';

export interface Rejection {
  id: string;
  code: RejectionCode;
  reason: string;
}

export interface PushResponse<T> {
  /**
   * The current master state of every row whose assumedMasterState did not match the stored one
   * (compared by updatedAt and _deleted). The client merges and pushes again. Also the stored state
   * of every row stored otherwise than sent (a new ticket numbered): the client takes it (its merge
   * is that state) and confirms it with a push that stores nothing new.
   */
  conflicts: Array<WithDeleted<T>>;
  rejected: Rejection[];
}

/** Server-Sent Events of a pull stream: each `data:` line is a PullResponse, or the string 'RESYNC'. */
export type StreamMessage<T> = PullResponse<T> | 'RESYNC';

export interface AgentProfile {
  id: string;
  login: string;
  name: string;
  role: Role;
}

export interface LoginRequest {
  login: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  /** Epoch ms when the token expires. */
  expiresAt: number;
  agent: AgentProfile;
}

/** Every 4xx/5xx answer carries this body. `message` is a sentence the user can act on. */
export interface ApiError {
  error: {
    code: string;
    message: string;
  };
}

export const intakeChannels = ['email', 'messenger', 'crm', 'phone', 'web'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

/** POST /api/intake/tickets with `X-Api-Key`: a channel connector files a ticket. */
export interface IntakeTicketRequest {
  channel: IntakeChannel;
  /** The channel's own message id: posting the same one twice makes one ticket. */
  externalId: string;
  subject: string;
  description: string;
  contact: { name: string; phone?: string; email?: string; messenger?: string };
  organization?: string;
  site?: string;
  product?: 'pass24_online' | 'pass24_key' | 'pass24_auto' | 'pass24_admin';
  priority?: 'emergency' | 'standard' | 'consultation';
}

export interface IntakeTicketResponse {
  id: string;
  number: string;
  /** False when the externalId was seen before and the existing ticket is returned. */
  created: boolean;
}

/**
 * Every API answer carries the server's clock in epoch milliseconds, read as the answer is sent.
 * The `Date` header is not enough: one-second resolution, and Node caches it for up to a second
 * (longer while the event loop is busy), which can put it outside the request's time span.
 */
export const serverTimeHeader = 'x-server-time';

export interface HealthResponse {
  ok: boolean;
  db: 'pglite' | 'postgres';
  version: string;
  /** Server clock, epoch ms (the client also reads the Date header). */
  now: number;
  /** Each configured channel connector and how it is doing (no secrets). */
  channels: ChannelHealth[];
}

/** A channel connector in /api/health: `failing` carries a sentence for the admin. */
export interface ChannelHealth {
  id: string;
  kind: 'email' | 'telegram' | 'bitrix24';
  name: string;
  address: string;
  state: 'starting' | 'running' | 'failing' | 'stopped' | 'standby';
  detail: string;
  since: number;
}
