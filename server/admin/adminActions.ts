/**
 * What an admin may do to accounts, intake keys and channel connectors, each recorded in the
 * audit trail. The command line (server/cli) and the endpoint's admin routes both call these, so
 * the rules and the trail are the same whichever way a change is made.
 */
import type { Kysely } from 'kysely';
import type { AdminAccount, AdminApiKey, AdminChannel } from '#shared/adminProtocol.ts';
import type { IntakeChannel } from '#shared/protocol.ts';
import type { Role } from '#shared/vocabulary/enums.ts';
import {
  AccountError,
  checkAccountInput,
  createAccount,
  listAccounts,
  normaliseLogin,
  setAccountActive,
  setAccountPassword,
  setAccountRole,
} from '../auth/accounts.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/apiKeys.ts';
import { generatePassword } from '../auth/passwords.ts';
import {
  addBitrix24Channel,
  addEmailChannel,
  addTelegramChannel,
  listChannels,
  setChannelEnabled,
  type NewBitrix24Channel,
  type NewEmailChannel,
  type NewTelegramChannel,
} from '../channels/channelStore.ts';
import { releaseTelegramWebhook } from '../channels/telegram/webhookRelease.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { recordAudit, type AuditActor } from './auditLog.ts';
import { ChannelInputError } from './emailChannelInput.ts';

type Db = Kysely<DbSchema>;

const roleNames: Record<Role, string> = { agent: 'агент', head: 'руководитель', admin: 'администратор' };

/** An admin may not lock themselves out: their own account stays active and admin. */
function refuseSelf(actor: AuditActor, accountId: string, what: string): void {
  if (actor.id !== null && actor.id === accountId) throw new AccountError(`Нельзя ${what} собственную учётную запись.`);
}

async function accountByLogin(db: Db, login: string): Promise<AdminAccount> {
  const normalised = normaliseLogin(login);
  const found = (await listAccounts(db)).find((a) => a.login === normalised);
  if (!found) throw new AccountError(`Пользователь «${normalised}» не найден.`);
  return found;
}

export { listAccounts, listApiKeys, listChannels };

/** Adds an account; without a password one is generated. The password is returned to hand over once. */
export async function addAccount(
  db: Db,
  actor: AuditActor,
  input: { login: string; name: string; role: Role; password?: string },
): Promise<{ account: AdminAccount; password: string; generated: boolean }> {
  checkAccountInput(input);
  const generated = !input.password;
  const password = input.password || generatePassword();
  const now = Date.now();
  const agent = await createAccount(db, { login: input.login, name: input.name, role: input.role, password }, now);
  await recordAudit(db, actor, {
    action: 'account.add',
    target: agent.login,
    detail: `${agent.name}, роль: ${roleNames[agent.role]}`,
  });
  return { account: { ...agent, active: true, createdAt: now }, password, generated };
}

export async function setAccountEnabled(db: Db, actor: AuditActor, login: string, active: boolean): Promise<AdminAccount> {
  if (!active) refuseSelf(actor, (await accountByLogin(db, login)).id, 'отключить');
  const account = await setAccountActive(db, login, active);
  await recordAudit(db, actor, {
    action: active ? 'account.enable' : 'account.disable',
    target: account.login,
    detail: active ? 'Учётная запись включена' : 'Учётная запись отключена, её сеансы завершены',
  });
  return account;
}

/** Sets a new password (generated when none is given) and ends the account's sessions. */
export async function resetPassword(
  db: Db,
  actor: AuditActor,
  login: string,
  given?: string,
): Promise<{ password: string; generated: boolean }> {
  const password = given || generatePassword();
  await setAccountPassword(db, login, password);
  await recordAudit(db, actor, {
    action: 'account.password',
    target: normaliseLogin(login),
    detail: 'Пароль заменён, сеансы завершены',
  });
  return { password, generated: !given };
}

export async function changeRole(db: Db, actor: AuditActor, login: string, role: Role): Promise<AdminAccount> {
  const before = await accountByLogin(db, login);
  refuseSelf(actor, before.id, 'сменить роль у');
  const account = await setAccountRole(db, login, role);
  await recordAudit(db, actor, {
    action: 'account.role',
    target: account.login,
    detail: `Роль: ${roleNames[before.role]} → ${roleNames[role]}`,
  });
  return account;
}

export async function addApiKey(db: Db, actor: AuditActor, channel: IntakeChannel): Promise<{ id: string; key: string }> {
  const created = await createApiKey(db, channel);
  await recordAudit(db, actor, { action: 'apikey.add', target: created.id, detail: `Канал: ${channel}` });
  return created;
}

/** False when no live key has that id (nothing recorded then). */
export async function revokeKey(db: Db, actor: AuditActor, id: string): Promise<boolean> {
  const keys: AdminApiKey[] = await listApiKeys(db);
  if (!(await revokeApiKey(db, id))) return false;
  const channel = keys.find((k) => k.id === id)?.channel ?? '';
  await recordAudit(db, actor, { action: 'apikey.revoke', target: id, detail: `Канал: ${channel}` });
  return true;
}

/** A mailbox channel; a second live channel on one address is refused. */
export async function addChannel(db: Db, actor: AuditActor, input: NewEmailChannel): Promise<string> {
  const id = await addEmailChannel(db, input).catch((error: unknown) => {
    if (String((error as Error).message).includes('channels_address')) {
      throw new ChannelInputError(`Канал с адресом ${input.address.trim().toLowerCase()} уже есть.`);
    }
    throw error;
  });
  await recordAudit(db, actor, {
    action: 'channel.add',
    target: input.address.trim().toLowerCase(),
    detail: `Почта: IMAP ${input.settings.imapHost}, SMTP ${input.settings.smtpHost}, пользователь ${input.settings.user}`,
  });
  return id;
}

/** A Telegram bot (the command line adds them; the token is never written to the trail). */
export async function addBotChannel(db: Db, actor: AuditActor, input: NewTelegramChannel): Promise<string> {
  const id = await addTelegramChannel(db, input).catch((error: unknown) => {
    if (String((error as Error).message).includes('channels_address')) {
      throw new ChannelInputError(`Бот ${input.address} уже подключён.`);
    }
    throw error;
  });
  await recordAudit(db, actor, {
    action: 'channel.add',
    target: input.address,
    detail: `Telegram: Bot API ${input.settings.apiRoot}`,
  });
  return id;
}

/** A Bitrix24 portal (the command line adds them; the webhook and the token never reach the trail). */
export async function addCrmChannel(db: Db, actor: AuditActor, input: NewBitrix24Channel): Promise<string> {
  const id = await addBitrix24Channel(db, input).catch((error: unknown) => {
    if (String((error as Error).message).includes('channels_address')) {
      throw new ChannelInputError(`Портал ${input.address} уже подключён.`);
    }
    throw error;
  });
  await recordAudit(db, actor, { action: 'channel.add', target: input.address, detail: `Битрикс24: ${input.settings.portal}` });
  return id;
}

/**
 * By id or address; null when there is no such channel. A bot switched off gives up its webhook;
 * when Telegram cannot be reached for that, the channel is off all the same and `warning` says so.
 */
export async function setChannelOn(
  db: Db,
  actor: AuditActor,
  idOrAddress: string,
  enabled: boolean,
): Promise<{ warning: string } | null> {
  if (!(await setChannelEnabled(db, idOrAddress, enabled))) return null;
  const warning = enabled ? '' : await releaseTelegramWebhook(db, idOrAddress);
  const found: AdminChannel | undefined = (await listChannels(db)).find(
    (c) => c.id === idOrAddress || c.address === idOrAddress.trim().toLowerCase(),
  );
  await recordAudit(db, actor, {
    action: enabled ? 'channel.enable' : 'channel.disable',
    target: found?.address ?? idOrAddress,
    detail: [enabled ? 'Канал включён' : 'Канал отключён', warning].filter(Boolean).join('. '),
  });
  return { warning };
}
