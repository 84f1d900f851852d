/**
 * `channel add email|telegram|bitrix24|list|disable|enable`: the workspace's channel connectors. The
 * mailbox password comes from stdin only (never a flag: flags land in the shell history and
 * `ps`); the bot token too, or from --token with a warning; the portal's webhook address likewise
 * (stdin, or --webhook with a warning). A running server picks the change up within its refresh interval.
 */
import { openDatabase } from '../db/openDatabase.ts';
import { addBotChannel, addChannel, addCrmChannel, listChannels, setChannelOn } from '../admin/adminActions.ts';
import { encodeBitrix24Secret } from '../channels/bitrix24/bitrix24Secret.ts';
import { cliActor } from '../admin/auditLog.ts';
import { ChannelInputError, emailChannelInput } from '../admin/emailChannelInput.ts';
import type { NewEmailChannel } from '../channels/channelStore.ts';
import { webhookPath } from '../channels/telegram/botApi.ts';
import { databaseTarget, parseFlags, positiveInt, readPipedStdin, required, UsageError } from './cliOptions.ts';

export async function channelCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'add') {
    const [kind, ...flagArgs] = rest;
    if (kind === 'telegram') return addTelegram(flagArgs);
    if (kind === 'bitrix24') return addBitrix24(flagArgs);
    if (kind !== 'email')
      throw new UsageError(
        'Поддерживаются каналы email, telegram и bitrix24: npm run server -- channel add email|telegram|bitrix24 ...',
      );
    const flags = parseFlags(flagArgs, {
      'imap-host': { type: 'string' },
      'imap-port': { type: 'string' },
      'imap-tls': { type: 'boolean' },
      'smtp-host': { type: 'string' },
      'smtp-port': { type: 'string' },
      'smtp-tls': { type: 'boolean' },
      user: { type: 'string' },
      from: { type: 'string' },
      name: { type: 'string' },
      mailbox: { type: 'string' },
      'poll-seconds': { type: 'string' },
    });
    const secret = await readPipedStdin();
    if (!secret)
      throw new UsageError(
        'Пароль почтового ящика передаётся через stdin: echo "пароль" | npm run server -- channel add email ...',
      );
    const imapTls = flags['imap-tls'] ?? false;
    const smtpTls = flags['smtp-tls'] ?? false;
    let input: NewEmailChannel;
    try {
      input = emailChannelInput({
        name: flags.name,
        address: required(flags.from, 'from'),
        imapHost: required(flags['imap-host'], 'imap-host'),
        imapPort: positiveInt(flags['imap-port'], 'imap-port', imapTls ? 993 : 143),
        imapTls,
        smtpHost: required(flags['smtp-host'], 'smtp-host'),
        smtpPort: positiveInt(flags['smtp-port'], 'smtp-port', smtpTls ? 465 : 587),
        smtpTls,
        user: required(flags.user, 'user'),
        mailbox: flags.mailbox,
        pollSeconds: positiveInt(flags['poll-seconds'], 'poll-seconds', 60) || 60,
        secret,
      });
    } catch (error) {
      if (error instanceof ChannelInputError) throw new UsageError(error.message);
      throw error;
    }
    const address = input.address;
    const database = await openDatabase(databaseTarget(flags));
    try {
      const id = await addChannel(database.db, cliActor, input).catch((error: unknown) => {
        if (error instanceof ChannelInputError) throw new UsageError(error.message);
        throw error;
      });
      console.log(`Канал email ${address} добавлен, id ${id}. Сервер подключит его в течение 10 секунд.`);
    } finally {
      await database.close();
    }
    return;
  }
  const flags = parseFlags(rest, { channel: { type: 'string' } });
  if (action === 'list') {
    const database = await openDatabase(databaseTarget(flags));
    try {
      const channels = await listChannels(database.db);
      if (channels.length === 0) console.log('Каналов нет.');
      for (const c of channels) {
        console.log(
          [
            c.id,
            c.kind,
            c.address,
            c.enabled ? 'включён' : 'отключён',
            ...(c.kind === 'telegram'
              ? [`Bot API ${c.apiRoot}`]
              : c.kind === 'bitrix24'
                ? [`портал ${c.apiRoot}`]
                : [`IMAP ${c.imap}`, `SMTP ${c.smtp}`, c.user]),
            c.status,
            c.detail,
          ]
            .filter(Boolean)
            .join('\t'),
        );
      }
    } finally {
      await database.close();
    }
    return;
  }
  if (action === 'disable' || action === 'enable') {
    const which = required(flags.channel, 'channel');
    const database = await openDatabase(databaseTarget(flags));
    try {
      const done = await setChannelOn(database.db, cliActor, which, action === 'enable');
      if (!done) throw new UsageError(`Канал «${which}» не найден (укажите id или адрес).`);
      console.log(`Канал ${which} ${action === 'enable' ? 'включён' : 'отключён'}.`);
      if (done.warning) console.error(`${done.warning}. Повторите channel disable, когда Telegram будет доступен.`);
    } finally {
      await database.close();
    }
    return;
  }
  throw new UsageError(
    'Команды канала: channel add email|telegram|bitrix24 ..., channel list, channel disable --channel ID|АДРЕС, channel enable --channel ID|АДРЕС',
  );
}

/** A bot token: the bot's numeric id, a colon, the secret part. */
const tokenPattern = /^(\d{1,20}):[\w-]{30,100}$/;
const telegramApiRoot = 'https://api.telegram.org';

/**
 * A credential from stdin, or from its flag with a warning (a flag stays in the shell's history and
 * the process list); `usage` when there is neither.
 */
async function readSecret(flag: string | undefined, what: string, usage: string): Promise<string> {
  const given = flag?.trim() ?? '';
  if (given) {
    console.error(
      `Внимание: ${what} в параметре виден в истории команд и в списке процессов; надёжнее передать его через stdin.`,
    );
    return given;
  }
  const piped = (await readPipedStdin()).trim();
  if (!piped) throw new UsageError(usage);
  return piped;
}

async function addTelegram(args: string[]): Promise<void> {
  const flags = parseFlags(args, {
    token: { type: 'string' },
    'api-root': { type: 'string' },
    name: { type: 'string' },
    'poll-seconds': { type: 'string' },
    'webhook-url': { type: 'string' },
  });
  const secret = await readSecret(
    flags.token,
    'токен',
    'Токен бота передаётся через stdin: echo "ТОКЕН" | npm run server -- channel add telegram ...',
  );
  const match = tokenPattern.exec(secret);
  // The message names the shape, never the value: a mistyped token is still mostly a secret.
  if (!match) throw new UsageError('Токен бота не похож на токен Telegram (вида 123456789:AA…, как его выдаёт @BotFather).');
  const apiRoot = (flags['api-root'] ?? telegramApiRoot).trim().replace(/\/+$/, '');
  const parsed = URL.canParse(apiRoot) ? new URL(apiRoot) : null;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
    throw new UsageError(`Параметр --api-root: «${apiRoot}» не адрес http(s).`);
  const address = `telegram:${match[1]}`;
  const webhookUrl = flags['webhook-url'] === undefined ? '' : webhookAddress(flags['webhook-url'], match[1]!);
  const settings = {
    apiRoot,
    pollTimeoutSeconds: Math.min(50, positiveInt(flags['poll-seconds'], 'poll-seconds', 30)),
    ...(webhookUrl ? { webhookUrl } : {}),
  };
  const database = await openDatabase(databaseTarget(flags));
  try {
    const id = await addBotChannel(database.db, cliActor, {
      name: flags.name ?? `Telegram-бот ${match[1]}`,
      address,
      settings,
      secret,
    }).catch((error: unknown) => {
      if (error instanceof ChannelInputError) throw new UsageError(error.message);
      throw error;
    });
    console.log(`Канал telegram ${address} добавлен, id ${id}. Сервер подключит его в течение 10 секунд.`);
    console.log(
      webhookUrl
        ? `Режим вебхука: Telegram будет присылать обновления на ${webhookUrl}.`
        : 'Режим опроса (long polling): публичный адрес не нужен.',
    );
  } finally {
    await database.close();
  }
}

/**
 * The endpoint's public address given with --webhook-url becomes the address Telegram posts to.
 * Telegram itself posts only to https (ports 443, 80, 88, 8443); plain http is accepted for a
 * Bot API server of one's own (telegram-bot-api --local) or a stand-in, with a warning.
 */
function webhookAddress(given: string, botId: string): string {
  const base = given.trim().replace(/\/+$/, '');
  const parsed = URL.canParse(base) ? new URL(base) : null;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash)
    throw new UsageError(`Параметр --webhook-url: «${base}» не адрес http(s) сервера (например https://desk.example.ru).`);
  if (parsed.protocol === 'http:')
    console.error('Внимание: Telegram доставляет вебхуки только по https; http подойдёт лишь для своего сервера Bot API.');
  const path = webhookPath(botId);
  return base.endsWith(path) ? base : `${base}${path}`;
}

/** An incoming webhook's address: `https://<portal>/rest/<user id>/<code>/`. */
const webhookPattern = /^\/rest\/\d+\/[\w-]{6,}\/?$/;

async function addBitrix24(args: string[]): Promise<void> {
  const flags = parseFlags(args, {
    webhook: { type: 'string' },
    'app-token': { type: 'string' },
    'desk-url': { type: 'string' },
    'activity-providers': { type: 'string' },
    'sync-minutes': { type: 'string' },
    name: { type: 'string' },
  });
  const webhook = await readSecret(
    flags.webhook,
    'адрес вебхука',
    'Адрес входящего вебхука передаётся через stdin или --webhook: echo "https://портал/rest/1/код/" | npm run server -- channel add bitrix24 ...',
  );
  const parsed = URL.canParse(webhook) ? new URL(webhook) : null;
  // The message names the shape, never the value: the address is the credential.
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || !webhookPattern.test(parsed.pathname))
    throw new UsageError('Адрес вебхука не похож на входящий вебхук Битрикс24 (вида https://портал.bitrix24.ru/rest/1/код/).');
  const deskUrl = (flags['desk-url'] ?? '').trim().replace(/\/+$/, '');
  if (deskUrl && !(URL.canParse(deskUrl) && ['http:', 'https:'].includes(new URL(deskUrl).protocol)))
    throw new UsageError(`Параметр --desk-url: «${deskUrl}» не адрес http(s).`);
  const syncMinutes = Number(flags['sync-minutes'] ?? '5');
  if (!Number.isFinite(syncMinutes) || syncMinutes <= 0 || syncMinutes > 24 * 60)
    throw new UsageError('Параметр --sync-minutes: число минут больше нуля (можно дробное: 0.5).');
  const portal = parsed.origin;
  const address = `bitrix24:${parsed.host.toLowerCase()}`;
  const settings = {
    portal,
    syncMs: Math.round(syncMinutes * 60_000),
    callIntervalMs: 500,
    activityProviders: (flags['activity-providers'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    deskUrl,
  };
  const secret = encodeBitrix24Secret({ webhook: parsed.href, applicationToken: flags['app-token']?.trim() ?? '' });
  const database = await openDatabase(databaseTarget(flags));
  try {
    const id = await addCrmChannel(database.db, cliActor, {
      name: flags.name ?? `Битрикс24 ${parsed.host}`,
      address,
      settings,
      secret,
    }).catch((error: unknown) => {
      if (error instanceof ChannelInputError) throw new UsageError(error.message);
      throw error;
    });
    console.log(`Канал bitrix24 ${address} добавлен, id ${id}. Сервер подключит его в течение 10 секунд.`);
    console.log(`Исходящий вебхук портала (событие ONCRMACTIVITYADD): POST <адрес сервера>/api/channels/bitrix24/${id}/events`);
    if (!settings.activityProviders.length)
      console.log('Обращение открывает любое новое дело CRM (--activity-providers ограничивает виды).');
  } finally {
    await database.close();
  }
}
