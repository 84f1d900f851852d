/**
 * A real central endpoint for e2e tests: `node server/cli.ts` as its own process on a PGlite data
 * folder in a temp directory. Accounts and API keys are made with the CLI before the server starts
 * (PGlite's folder is locked while it runs). stop() and start() again keep the data and the port,
 * so a test can take the server away and bring it back at the same address.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForHealth } from '../../support/serverProcess.ts';
import { repoRoot } from './paths.ts';

export { freePort };

export interface TestAccount {
  login: string;
  name: string;
  role: 'agent' | 'head' | 'admin';
  password: string;
}

function cli(dataDir: string, args: string[], input?: string): string {
  const res = spawnSync(process.execPath, ['server/cli.ts', ...args, '--data', dataDir], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  if (res.status !== 0) throw new Error(`server CLI ${args.join(' ')} failed: ${res.stderr || res.stdout}`);
  return res.stdout;
}

export class CentralServer {
  readonly dataDir: string;
  port = 0;
  #child: ChildProcess | null = null;

  constructor() {
    this.dataDir = mkdtempSync(join(tmpdir(), 'pass24-e2e-central-'));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Creates an account (server stopped). */
  addAccount(account: TestAccount): void {
    cli(
      this.dataDir,
      ['user', 'add', '--login', account.login, '--name', account.name, '--role', account.role],
      `${account.password}\n`,
    );
  }

  /** Creates an intake API key for a channel and returns it (server stopped). */
  addApiKey(channel: 'email' | 'messenger' | 'crm' | 'phone' | 'web'): string {
    const out = cli(this.dataDir, ['apikey', 'add', '--channel', channel]);
    const key = out.trim().split('\n').pop()?.trim();
    if (!key) throw new Error(`no API key in: ${out}`);
    return key;
  }

  /** Adds an email channel (server stopped); the mailbox password goes through stdin as the CLI wants. */
  addEmailChannel(args: string[], password: string): void {
    cli(this.dataDir, ['channel', 'add', 'email', ...args], `${password}\n`);
  }

  /** Adds a Telegram bot (server stopped); the token goes through stdin as the CLI prefers. */
  addTelegramChannel(args: string[], token: string): void {
    cli(this.dataDir, ['channel', 'add', 'telegram', ...args], `${token}\n`);
  }

  /** Adds a Bitrix24 portal (server stopped); the webhook's address goes through stdin. Returns the channel's id. */
  addBitrix24Channel(args: string[], webhook: string): string {
    const out = cli(this.dataDir, ['channel', 'add', 'bitrix24', ...args], `${webhook}\n`);
    const id = /id ([0-9a-f-]{36})/.exec(out)?.[1];
    if (!id) throw new Error(`no channel id in: ${out}`);
    return id;
  }

  /** Fills the demo workspace (server stopped); returns its accounts with the passwords printed once. */
  seedDemo(): TestAccount[] {
    const out = cli(this.dataDir, ['seed', '--demo']);
    return [...out.matchAll(/^ {2}(\S+)\t(agent|head|admin)\t(.+)\tпароль: (\S+)$/gm)].map(([, login, role, name, password]) => ({
      login: login!,
      role: role as TestAccount['role'],
      name: name!,
      password: password!,
    }));
  }

  async start(): Promise<void> {
    if (this.#child) return;
    this.port ||= await freePort();
    const child = spawn(
      process.execPath,
      ['server/cli.ts', 'start', '--data', this.dataDir, '--port', String(this.port), '--log-level', 'warn'],
      {
        cwd: repoRoot,
        env: { ...process.env },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    this.#child = child;
    await waitForHealth(this.url, child, 60_000);
  }

  /** Graceful stop (SIGTERM): streams closed, database closed. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Signs in through the API; the bearer token and the account's id. */
  async token(account: Pick<TestAccount, 'login' | 'password'>): Promise<{ token: string; agentId: string }> {
    const res = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: account.login, password: account.password }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { token: string; agent: { id: string } };
    return { token: body.token, agentId: body.agent.id };
  }

  /** Sets the working set's window (config `workspace`) in a head's name, as the settings screen does. */
  async setWorkingSetDays(head: Pick<TestAccount, 'login' | 'password'>, days: number): Promise<void> {
    const { token, agentId } = await this.token(head);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const pulled = (await (await fetch(`${this.url}/api/replication/config/pull?limit=100`, { headers })).json()) as {
      documents: Array<Record<string, unknown> & { id: string }>;
    };
    const stored = pulled.documents.find((d) => d.id === 'workspace') ?? null;
    const value = { emailAcknowledgement: true, ...((stored?.value as object) ?? {}), workingSetDays: days };
    const doc = { id: 'workspace', value, editedAt: Date.now(), editedBy: agentId, updatedAt: 0, _deleted: false };
    const res = await fetch(`${this.url}/api/replication/config/push`, {
      method: 'POST',
      headers,
      body: JSON.stringify([{ assumedMasterState: stored, newDocumentState: doc }]),
    });
    const answer = (await res.json()) as { conflicts: unknown[]; rejected: unknown[] };
    if (!res.ok || answer.conflicts.length > 0 || answer.rejected.length > 0) {
      throw new Error(`setting the window failed: ${res.status} ${JSON.stringify(answer)}`);
    }
  }

  /** Posts a ticket through the intake API, as a channel connector does. */
  async intake(apiKey: string, body: Record<string, unknown>): Promise<{ id: string; number: string; created: boolean }> {
    const res = await fetch(`${this.url}/api/intake/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`intake failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; number: string; created: boolean };
  }
}
