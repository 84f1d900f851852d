/** What the route modules share: the database, the live feed, auth and the server's options. */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/openDatabase.ts';
import type { HashGate } from '../auth/hashGate.ts';
import type { LoginRateLimiter } from '../auth/loginRateLimiter.ts';
import type { ChangeFeed } from '../replication/changeFeed.ts';
import type { ChannelManager } from '../channels/channelManager.ts';

export interface RouteContext {
  database: Database;
  feed: ChangeFeed;
  authenticate: (request: FastifyRequest) => Promise<void>;
  loginLimiter: LoginRateLimiter;
  /** The global cap on password hashing (sign-ins). */
  hashGate: HashGate;
  tokenTtlMs: number;
  /** A session unused this long ends. */
  sessionIdleMs: number;
  heartbeatMs: number;
  version: string;
  /** The channel connectors, or null when this instance runs none. */
  channels: ChannelManager | null;
  /** Live SSE streams, ended on shutdown. */
  streams: Set<() => void>;
  /** The server's clock for rules measured in time (the working set's window). */
  clock: () => number;
}

/** Body size limits per kind of route. */
export const bodyLimits = {
  push: 5 * 1024 * 1024,
  small: 64 * 1024,
} as const;
