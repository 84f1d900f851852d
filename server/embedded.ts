/**
 * The embedded central endpoint of the desktop app (electron/utility) and `npm run start:web`:
 * PGlite in a data folder, HTTP on loopback. On the first run it fills the demo workspace and
 * keeps the demo agent's credentials in the data folder (embedded-credentials.json, mode 0600),
 * so every later run signs in as the same agent. It never changes an account it did not create.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from './app.ts';
import { createAccount, findAccountForLogin } from './auth/accounts.ts';
import { generatePassword } from './auth/passwords.ts';
import { openDatabase } from './db/openDatabase.ts';
import { isWorkspaceEmpty } from './ops/restore.ts';
import { seedDemo } from './seed/seedDemo.ts';

export interface EmbeddedOptions {
  dataDir: string;
  host?: string;
  port?: number;
  /** Log level of the endpoint's JSON logs (default 'warn'). */
  logLevel?: string;
}

export interface EmbeddedEndpoint {
  url: string;
  login: string;
  password: string;
  close(): Promise<void>;
}

interface StoredCredentials {
  login: string;
  password: string;
  /** The other demo accounts' passwords (head, admin...), for trying the other roles. */
  others?: Record<string, string>;
}

const credentialsFile = (dataDir: string) => join(dataDir, 'embedded-credentials.json');

function readCredentials(dataDir: string): StoredCredentials | null {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as StoredCredentials;
    return typeof parsed.login === 'string' && typeof parsed.password === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function writeCredentials(dataDir: string, credentials: StoredCredentials): void {
  writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedEndpoint> {
  const { dataDir } = options;
  const database = await openDatabase({ dataDir });
  try {
    let credentials = readCredentials(dataDir);
    if (await isWorkspaceEmpty(database)) {
      const seeded = await seedDemo(database, { now: Date.now() });
      const demo = seeded.accounts.find((a) => a.login === 'demo')!;
      credentials = {
        login: demo.login,
        password: demo.password,
        others: Object.fromEntries(seeded.accounts.filter((a) => a.login !== 'demo').map((a) => [a.login, a.password])),
      };
      writeCredentials(dataDir, credentials);
    } else if (!credentials) {
      // A workspace that came from elsewhere (restore, CLI): its accounts are left as they are.
      // The desk signs in with an agent account of its own, added beside them.
      const password = generatePassword();
      const login = (await findAccountForLogin(database.db, 'demo')) ? `desk-${randomBytes(3).toString('hex')}` : 'demo';
      await createAccount(database.db, { login, name: 'Менеджер ТП', role: 'agent', password });
      credentials = { login, password };
      writeCredentials(dataDir, credentials);
    }

    const app = await buildServer({ database, logger: { level: options.logLevel ?? 'warn' } });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    let closed: Promise<void> | null = null;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      login: credentials.login,
      password: credentials.password,
      close() {
        closed ??= (async () => {
          await app.close();
          await database.close();
        })();
        return closed;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
