/**
 * `user add|list|disable|enable|reset-password|role` and `apikey add|list|revoke`: the same
 * actions as the admin's console (server/admin/adminActions.ts), recorded in the audit trail as 'cli'.
 */
import type { Role } from '#shared/vocabulary/enums.ts';
import { intakeChannels } from '#shared/protocol.ts';
import { AccountError, checkAccountInput } from '../auth/accounts.ts';
import { isIntakeChannel } from '../auth/apiKeys.ts';
import { generatePassword } from '../auth/passwords.ts';
import {
  addAccount,
  addApiKey,
  changeRole,
  listAccounts,
  listApiKeys,
  resetPassword,
  revokeKey,
  setAccountEnabled,
} from '../admin/adminActions.ts';
import { cliActor } from '../admin/auditLog.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { databaseTarget, parseFlags, readPipedStdin, required, UsageError } from './cliOptions.ts';

export async function userCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const flags = parseFlags(rest, { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } });
  const check = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof AccountError) throw new UsageError(error.message);
      throw error;
    }
  };
  if (action === 'add') {
    const login = required(flags.login, 'login');
    const name = required(flags.name, 'name');
    const role = required(flags.role, 'role') as Role;
    check(() => checkAccountInput({ login, name, role }));
    const piped = await readPipedStdin();
    const password = piped || generatePassword();
    check(() => checkAccountInput({ login, name, role, password }));
    const database = await openDatabase(databaseTarget(flags));
    try {
      const { account: agent } = await addAccount(database.db, cliActor, { login, name, role, password }).catch(
        (error: unknown) => {
          if (error instanceof AccountError) throw new UsageError(error.message);
          throw error;
        },
      );
      console.log(`Пользователь ${agent.login} (${agent.role}) создан, id ${agent.id}.`);
      if (!piped) console.log(`Пароль (показан один раз): ${password}`);
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'list') {
    const database = await openDatabase(databaseTarget(flags));
    try {
      const accounts = await listAccounts(database.db);
      if (accounts.length === 0) console.log('Учётных записей нет.');
      for (const a of accounts) console.log(`${a.login}\t${a.role}\t${a.active ? 'активна' : 'отключена'}\t${a.name}\t${a.id}`);
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'disable' || action === 'enable') {
    const login = required(flags.login, 'login');
    const database = await openDatabase(databaseTarget(flags));
    try {
      const account = await setAccountEnabled(database.db, cliActor, login, action === 'enable').catch((error: unknown) => {
        if (error instanceof AccountError) throw new UsageError(error.message);
        throw error;
      });
      console.log(`Пользователь ${account.login} ${account.active ? 'включён' : 'отключён'}.`);
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'reset-password') {
    const login = required(flags.login, 'login');
    const piped = await readPipedStdin();
    const password = piped || generatePassword();
    check(() => checkAccountInput({ login, name: 'x', role: 'agent', password }));
    const database = await openDatabase(databaseTarget(flags));
    try {
      await resetPassword(database.db, cliActor, login, password).catch((error: unknown) => {
        if (error instanceof AccountError) throw new UsageError(error.message);
        throw error;
      });
      console.log(`Пароль пользователя ${login.trim().toLowerCase()} заменён; его сеансы завершены.`);
      if (!piped) console.log(`Новый пароль (показан один раз): ${password}`);
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'role') {
    const login = required(flags.login, 'login');
    const role = required(flags.role, 'role') as Role;
    const database = await openDatabase(databaseTarget(flags));
    try {
      const account = await changeRole(database.db, cliActor, login, role).catch((error: unknown) => {
        if (error instanceof AccountError) throw new UsageError(error.message);
        throw error;
      });
      console.log(`Роль пользователя ${account.login}: ${account.role}; его сеансы завершены.`);
    } finally {
      await database.close();
    }
    return;
  }
  throw new UsageError('Команда user: add, list, disable, enable, reset-password или role.');
}

export async function apikeyCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const flags = parseFlags(rest, { channel: { type: 'string' }, id: { type: 'string' } });
  if (action === 'add') {
    const channel = required(flags.channel, 'channel');
    if (!isIntakeChannel(channel)) throw new UsageError(`Канал: один из ${intakeChannels.join(', ')}.`);
    const database = await openDatabase(databaseTarget(flags));
    try {
      const { id, key } = await addApiKey(database.db, cliActor, channel);
      console.log(`Ключ API для канала «${channel}» создан (id ${id}). Ключ (показан один раз):`);
      console.log(key);
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'list') {
    const database = await openDatabase(databaseTarget(flags));
    try {
      const keys = await listApiKeys(database.db);
      if (keys.length === 0) console.log('Ключей API нет.');
      for (const k of keys) {
        const state = k.revokedAt === null ? 'действует' : `отозван ${new Date(k.revokedAt).toISOString()}`;
        console.log(`${k.id}\t${k.channel}\t${new Date(k.createdAt).toISOString()}\t${state}`);
      }
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'revoke') {
    const id = required(flags.id, 'id');
    const database = await openDatabase(databaseTarget(flags));
    try {
      if (!(await revokeKey(database.db, cliActor, id)))
        throw new UsageError(`Действующего ключа API с id ${id} нет (см. apikey list).`);
      console.log(`Ключ API ${id} отозван: запросы с ним больше не принимаются.`);
    } finally {
      await database.close();
    }
    return;
  }
  throw new UsageError('Команда apikey: add --channel <канал>, list или revoke --id <id>.');
}
