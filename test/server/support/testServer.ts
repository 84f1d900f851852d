/** An in-process central endpoint on port 0 with three signed-in accounts (agent, head, admin, with those ids). */
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../../server/app.ts';
import { createAccount } from '../../../server/auth/accounts.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import type { Database } from '../../../server/db/openDatabase.ts';
import type { AgentProfile } from '#shared/protocol.ts';
import { openTestDatabase, type Backend } from './testDatabase.ts';
import { ApiClient } from './apiClient.ts';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  agent: AgentProfile;
  head: AgentProfile;
  admin: AgentProfile;
  /** API clients signed in as each account. */
  asAgent: ApiClient;
  asHead: ApiClient;
  asAdmin: ApiClient;
  anonymous: ApiClient;
  close(): Promise<void>;
}

export const testPassword = 'correct horse battery';

export async function startServerOn(
  database: Database,
  options: Partial<ServerOptions> = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer({ database, logger: false, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

let accountSeq = 0;
export async function signedIn(
  database: Database,
  role: AgentProfile['role'],
  ttlMs = 3_600_000,
  id?: string,
): Promise<{ agent: AgentProfile; token: string }> {
  accountSeq++;
  const agent = await createAccount(database.db, {
    login: `${role}${accountSeq}-${process.pid}`,
    name: `Тест ${role} ${accountSeq}`,
    role,
    password: testPassword,
    ...(id ? { id } : {}),
  });
  const { token } = await createSession(database.db, agent.id, ttlMs, Date.now());
  return { agent, token };
}

export async function startTestServer(backend: Backend, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const database = await openTestDatabase(backend);
  const { app, url } = await startServerOn(database, options);
  // The ids the document fixtures name as authors (test/server/support/documents.ts): the endpoint
  // takes author fields only in the signer's name.
  const [agent, head, admin] = await Promise.all([
    signedIn(database, 'agent', undefined, 'agent'),
    signedIn(database, 'head', undefined, 'head'),
    signedIn(database, 'admin', undefined, 'admin'),
  ]);
  return {
    url,
    app,
    database,
    agent: agent.agent,
    head: head.agent,
    admin: admin.agent,
    asAgent: new ApiClient(url, agent.token),
    asHead: new ApiClient(url, head.token),
    asAdmin: new ApiClient(url, admin.token),
    anonymous: new ApiClient(url, null),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
