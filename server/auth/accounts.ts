/**
 * Support-staff accounts. Each account is mirrored into the `agents` collection (the directory
 * every workstation pulls; pull-only for clients): an account added, renamed or disabled writes
 * its agent document with a new updatedAt in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { roles, type Role } from '#shared/vocabulary/enums.ts';
import type { AgentProfile } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { CollectionWriter } from '../replication/collectionWriter.ts';
import { accountInputProblem, minPasswordLength, normaliseLogin, type AccountField } from '#shared/domain/accountRules.ts';
import { hashPassword } from './passwords.ts';
import { revokeAccountSessions } from './sessions.ts';

export interface AccountInput {
  login: string;
  name: string;
  role: Role;
  password: string;
  /** A fixed id (the demo workspace); random otherwise. */
  id?: string;
}

export interface AccountSummary extends AgentProfile {
  active: boolean;
  createdAt: number;
}

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

export { normaliseLogin };

const accountMessages: Record<AccountField, string> = {
  login: 'Логин: от 2 до 100 символов, латинские буквы, цифры и . _ @ -',
  name: 'Имя: от 1 до 200 символов.',
  role: `Роль: одна из ${roles.join(', ')}.`,
  password: `Пароль: не короче ${minPasswordLength} символов.`,
};

export function checkAccountInput(input: Omit<AccountInput, 'password'> & { password?: string }): void {
  const problem = accountInputProblem(input);
  if (problem) throw new AccountError(accountMessages[problem]);
}

async function writeAgentDoc(
  trx: Transaction<DbSchema>,
  account: { id: string; login: string; name: string; role: string; active: boolean },
): Promise<void> {
  const writer = await CollectionWriter.open(trx, 'agents');
  await writer.write([
    { id: account.id, login: account.login, name: account.name, role: account.role, active: account.active, _deleted: false },
  ]);
  await writer.notify();
}

/** The account row alone (its agent document is the caller's: createAccount, or the demo seed). */
export async function insertAccount(
  trx: Transaction<DbSchema>,
  account: { id: string; login: string; name: string; role: Role; active: boolean },
  passwordHash: string,
  now: number,
): Promise<void> {
  const existing = await trx.selectFrom('accounts').select('id').where('login', '=', account.login).executeTakeFirst();
  if (existing) throw new AccountError(`Пользователь с логином «${account.login}» уже есть.`);
  await trx
    .insertInto('accounts')
    .values({ ...account, password_hash: passwordHash, created_at: now })
    .execute();
}

export async function createAccount(db: Kysely<DbSchema>, input: AccountInput, now: number = Date.now()): Promise<AgentProfile> {
  checkAccountInput(input);
  const login = normaliseLogin(input.login);
  const passwordHash = await hashPassword(input.password);
  const account = { id: input.id ?? randomUUID(), login, name: input.name.trim(), role: input.role, active: true };
  await db.transaction().execute(async (trx) => {
    await insertAccount(trx, account, passwordHash, now);
    await writeAgentDoc(trx, account);
  });
  return { id: account.id, login, name: account.name, role: account.role };
}

export async function listAccounts(db: Kysely<DbSchema>): Promise<AccountSummary[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'login', 'name', 'role', 'active', 'created_at'])
    .orderBy('login')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role as Role,
    active: r.active,
    createdAt: r.created_at,
  }));
}

/** Enables or disables an account; disabling also ends its sessions. */
export async function setAccountActive(
  db: Kysely<DbSchema>,
  loginInput: string,
  active: boolean,
  now: number = Date.now(),
): Promise<AccountSummary> {
  const login = normaliseLogin(loginInput);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('accounts').selectAll().where('login', '=', login).executeTakeFirst();
    if (!row) throw new AccountError(`Пользователь «${login}» не найден.`);
    await trx.updateTable('accounts').set({ active }).where('id', '=', row.id).execute();
    if (!active) await revokeAccountSessions(trx, row.id, now);
    await writeAgentDoc(trx, { ...row, active });
    return { id: row.id, login: row.login, name: row.name, role: row.role as Role, active, createdAt: row.created_at };
  });
}

export async function findAccountForLogin(db: Kysely<DbSchema>, loginInput: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'login', 'name', 'role', 'active', 'password_hash'])
    .where('login', '=', normaliseLogin(loginInput))
    .executeTakeFirst();
}

/** Sets a new password (`user reset-password`) and ends the account's sessions: whoever knew the old one is out. */
export async function setAccountPassword(
  db: Kysely<DbSchema>,
  loginInput: string,
  password: string,
  now: number = Date.now(),
): Promise<void> {
  checkAccountInput({ login: loginInput, name: 'x', role: 'agent', password });
  const login = normaliseLogin(loginInput);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst();
    if (!row) throw new AccountError(`Пользователь «${login}» не найден.`);
    await trx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', row.id).execute();
    await revokeAccountSessions(trx, row.id, now);
  });
}

/** Changes an account's role; its sessions end, so the new role applies from the next sign-in on every desk. */
export async function setAccountRole(
  db: Kysely<DbSchema>,
  loginInput: string,
  role: Role,
  now: number = Date.now(),
): Promise<AccountSummary> {
  if (!roles.includes(role)) throw new AccountError(`Роль: одна из ${roles.join(', ')}.`);
  const login = normaliseLogin(loginInput);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('accounts').selectAll().where('login', '=', login).executeTakeFirst();
    if (!row) throw new AccountError(`Пользователь «${login}» не найден.`);
    await trx.updateTable('accounts').set({ role }).where('id', '=', row.id).execute();
    await revokeAccountSessions(trx, row.id, now);
    await writeAgentDoc(trx, { ...row, role });
    return { id: row.id, login: row.login, name: row.name, role, active: row.active, createdAt: row.created_at };
  });
}
