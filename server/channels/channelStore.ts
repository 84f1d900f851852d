/**
 * The configured channels (table `channels`). The secret is read only to start a connector; list
 * views never carry it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';
import type { Bitrix24Settings, ChannelConfig, ChannelKind, EmailSettings, TelegramSettings } from './channelTypes.ts';
import { cursorAtHead } from './eventFeedCursor.ts';

export interface ChannelSummary {
  id: string;
  kind: ChannelKind;
  name: string;
  address: string;
  enabled: boolean;
  /** Mail: the servers and the login ('' for a bot). */
  imap: string;
  smtp: string;
  user: string;
  /** A bot: the Bot API's address; a CRM: the portal's address ('' for mail). */
  apiRoot: string;
  status: string;
  detail: string;
}

export interface NewEmailChannel {
  name: string;
  address: string;
  settings: EmailSettings;
  secret: string;
}

export interface NewTelegramChannel {
  name: string;
  /** `telegram:<bot id>`: one channel per bot. */
  address: string;
  settings: TelegramSettings;
  /** The bot token. */
  secret: string;
}

export interface NewBitrix24Channel {
  name: string;
  /** `bitrix24:<portal host>`: one channel per portal. */
  address: string;
  settings: Bitrix24Settings;
  /** The webhook's address and the application token (bitrix24/bitrix24Secret.ts). */
  secret: string;
}

export async function addBitrix24Channel(
  db: Kysely<DbSchema>,
  input: NewBitrix24Channel,
  now: number = Date.now(),
): Promise<string> {
  return addChannel(db, { ...input, kind: 'bitrix24' }, now);
}

export async function addEmailChannel(db: Kysely<DbSchema>, input: NewEmailChannel, now: number = Date.now()): Promise<string> {
  return addChannel(db, { ...input, kind: 'email', address: input.address.trim().toLowerCase() }, now);
}

export async function addTelegramChannel(
  db: Kysely<DbSchema>,
  input: NewTelegramChannel,
  now: number = Date.now(),
): Promise<string> {
  return addChannel(db, { ...input, kind: 'telegram' }, now);
}

async function addChannel(
  db: Kysely<DbSchema>,
  input: {
    kind: ChannelKind;
    name: string;
    address: string;
    settings: EmailSettings | TelegramSettings | Bitrix24Settings;
    secret: string;
  },
  now: number,
): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const others = await trx.selectFrom('channels').select('id').where('enabled', '=', true).executeTakeFirst();
    // The first channel: replies recorded until now were never meant for mail; pick-up starts here.
    if (!others) await cursorAtHead(trx, 'reply-pickup', { replace: true });
    await trx
      .insertInto('channels')
      .values({
        id,
        kind: input.kind,
        name: input.name,
        address: input.address,
        settings: JSON.stringify(input.settings),
        secret: input.secret,
        enabled: true,
        created_at: now,
      })
      .execute();
  });
  return id;
}

export async function listChannels(db: Kysely<DbSchema>): Promise<ChannelSummary[]> {
  const rows = await db
    .selectFrom('channels')
    .select(['id', 'kind', 'name', 'address', 'enabled', 'settings', 'status', 'status_detail'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const where =
      r.kind === 'telegram'
        ? { imap: '', smtp: '', user: '', apiRoot: (r.settings as TelegramSettings).apiRoot }
        : r.kind === 'bitrix24'
          ? { imap: '', smtp: '', user: '', apiRoot: (r.settings as Bitrix24Settings).portal }
          : (() => {
              const s = r.settings as EmailSettings;
              return {
                imap: `${s.imapHost}:${s.imapPort}${s.imapSecure ? ' (TLS)' : ''}`,
                smtp: `${s.smtpHost}:${s.smtpPort}${s.smtpSecure ? ' (TLS)' : ''}`,
                user: s.user,
                apiRoot: '',
              };
            })();
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      address: r.address,
      enabled: r.enabled,
      ...where,
      status: r.enabled ? r.status : 'disabled',
      detail: r.status_detail,
    };
  });
}

/** Disables by id or address; returns whether one was found. */
export async function setChannelEnabled(db: Kysely<DbSchema>, idOrAddress: string, enabled: boolean): Promise<boolean> {
  const result = await db
    .updateTable('channels')
    .set({ enabled })
    .where((eb) => eb.or([eb('id', '=', idOrAddress), eb('address', '=', idOrAddress.trim().toLowerCase())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The enabled channels with their secrets, for starting connectors. */
export async function enabledChannels(db: Kysely<DbSchema>): Promise<ChannelConfig[]> {
  const rows = await db.selectFrom('channels').selectAll().where('enabled', '=', true).orderBy('created_at').execute();
  return rows.map((r): ChannelConfig => {
    const base = { id: r.id, name: r.name, address: r.address, secret: r.secret, enabled: r.enabled };
    if (r.kind === 'telegram') return { ...base, kind: 'telegram', settings: r.settings as TelegramSettings };
    if (r.kind === 'bitrix24') return { ...base, kind: 'bitrix24', settings: r.settings as Bitrix24Settings };
    return { ...base, kind: 'email', settings: r.settings as EmailSettings };
  });
}
