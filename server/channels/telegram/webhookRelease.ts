/**
 * A bot switched off keeps no webhook: Telegram would go on posting its chats' messages to an
 * endpoint that no longer files them (404), and would hold them there rather than for a poll.
 */
import type { Kysely } from 'kysely';
import { Api } from 'grammy';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { TelegramSettings } from '../channelTypes.ts';
import { apiSignal, describeTelegramError } from './botApi.ts';

const releaseTimeoutMs = 10_000;

/**
 * Removes the webhook of a Telegram channel in webhook mode (by id or address). Telegram may be
 * out of reach: the answer is then a sentence for the admin ('' when done or nothing to do).
 */
export async function releaseTelegramWebhook(db: Kysely<DbSchema>, idOrAddress: string): Promise<string> {
  const row = await db
    .selectFrom('channels')
    .select(['kind', 'settings', 'secret'])
    .where((eb) => eb.or([eb('id', '=', idOrAddress), eb('address', '=', idOrAddress.trim().toLowerCase())]))
    .executeTakeFirst();
  if (row?.kind !== 'telegram') return '';
  const settings = row.settings as TelegramSettings;
  if (!settings.webhookUrl) return '';
  const api = new Api(row.secret, { apiRoot: settings.apiRoot, timeoutSeconds: releaseTimeoutMs / 1000 });
  try {
    await api.deleteWebhook({ drop_pending_updates: false }, apiSignal(AbortSignal.timeout(releaseTimeoutMs)));
    return '';
  } catch (error) {
    return `Вебхук бота в Telegram не снят: ${describeTelegramError(error)}`.slice(0, 300);
  }
}
