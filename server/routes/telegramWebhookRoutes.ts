/**
 * POST /api/telegram/:botId/updates: Telegram's webhook for a bot in webhook mode. Every call must
 * carry the secret the connector registered (X-Telegram-Bot-Api-Secret-Token, derived from the bot
 * token); a call without it is refused with a log line and files nothing. The update is filed
 * like a polled one (TelegramUpdates) before the answer: 200 tells Telegram it is filed, an error
 * makes Telegram post it again, and filing the same message twice keeps it once. Any instance of
 * the endpoint may take the call: filing needs only the database and the Bot API.
 */
import type { FastifyInstance } from 'fastify';
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { enabledChannels } from '../channels/channelStore.ts';
import type { TelegramChannelConfig } from '../channels/channelTypes.ts';
import { isWebhookSecret } from '../channels/telegram/botApi.ts';
import { TelegramUpdates } from '../channels/telegram/telegramUpdates.ts';
import { HttpError } from '../http/httpError.ts';
import type { RouteContext } from './routeContext.ts';

/** An update is small; a long message with its entities stays well under this. */
const updateBodyLimit = 1024 * 1024;
/** Telegram gives up on a call after about a minute; filing (files fetched) must end before. */
const filingMs = 50_000;

export function telegramWebhookRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.post('/api/telegram/:botId/updates', { bodyLimit: updateBodyLimit }, async (request, reply) => {
    const botId = (request.params as { botId: string }).botId;
    const channel = /^\d{1,20}$/.test(botId)
      ? (await enabledChannels(db)).find(
          (c): c is TelegramChannelConfig => c.kind === 'telegram' && c.address === `telegram:${botId}`,
        )
      : undefined;
    if (!channel) {
      request.log.warn({ bot: botId.slice(0, 20) }, 'telegram webhook: update for a bot the desk does not run, refused');
      throw new HttpError(404, 'channel_not_found', 'Такого бота на сервере нет или он отключён.');
    }
    if (!channel.settings.webhookUrl) {
      request.log.warn({ channel: channel.id }, 'telegram webhook: the bot takes updates by long polling, update refused');
      throw new HttpError(409, 'channel_polling', 'Бот получает обновления опросом (long polling), не вебхуком.');
    }
    if (!isWebhookSecret(request.headers['x-telegram-bot-api-secret-token'], channel.secret)) {
      request.log.warn(
        { channel: channel.id, remoteAddress: request.ip },
        'telegram webhook: wrong or missing secret token, update refused',
      );
      throw new HttpError(401, 'wrong_secret_token', 'Неверный секрет вебхука.');
    }
    const update = request.body as Update | null;
    if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') {
      request.log.warn({ channel: channel.id }, 'telegram webhook: a body that is not an update, refused');
      throw new HttpError(400, 'not_an_update', 'Тело запроса не обновление Telegram.');
    }
    const api = new Api(channel.secret, { apiRoot: channel.settings.apiRoot, timeoutSeconds: 30 });
    await new TelegramUpdates(channel, db, api, request.log).take([update], AbortSignal.timeout(filingMs));
    return reply.status(200).send({ ok: true });
  });
}
