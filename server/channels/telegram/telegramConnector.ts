/**
 * The Telegram connector: a bot on grammY's Bot API client, the API's address from the channel's
 * settings. By default it long-polls (getUpdates): no public address is needed. The polling loop
 * is the connector's own rather than grammY's `bot.start()`: the update offset moves on only once
 * a batch is filed (bot.start() confirms an update whose handler failed) and is kept with the
 * channel, so a restart or another instance taking the lease continues where this one stopped;
 * filing is idempotent besides. With a webhook address in its settings the connector instead
 * registers the webhook (setWebhook with the secret every instance derives from the token) and
 * the endpoint's route files what Telegram posts (server/routes/telegramWebhookRoutes.ts).
 * The token is used only in calls to the Bot API; it is never logged nor reported (errors are
 * described from Telegram's answer, never from the request).
 */
import type { Kysely } from 'kysely';
import { Api, GrammyError } from 'grammy';
import { splitMessageText } from '#shared/channels/messengerChat.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import {
  SendError,
  type ChannelConnector,
  type ConnectorHooks,
  type OutgoingMessage,
  type SendResult,
  type TelegramChannelConfig,
} from '../channelTypes.ts';
import { apiSignal, describeTelegramError, sleep, webhookSecretToken } from './botApi.ts';
import { TelegramUpdates } from './telegramUpdates.ts';
import { webhookProblem } from './webhookHealth.ts';

const reconnect = { firstMs: 1000, maxMs: 60_000 } as const;
/** How often a webhook's health is asked of Telegram, unless the settings say otherwise. */
const webhookCheckSeconds = 60;

export class TelegramConnector implements ChannelConnector {
  readonly config: TelegramChannelConfig;
  private readonly db: Kysely<DbSchema>;
  private readonly hooks: ConnectorHooks;
  private readonly log: ChannelLogger;
  private readonly api: Api;
  private readonly updates: TelegramUpdates;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  /** Telegram asked to wait (429) until then: sends meanwhile are postponed without a call. */
  private pausedUntil = 0;
  /** Telegram's latest complaint about the webhook, as reported ('' when none). */
  private webhookProblem = '';

  constructor(config: TelegramChannelConfig, db: Kysely<DbSchema>, hooks: ConnectorHooks, log: ChannelLogger) {
    this.config = config;
    this.db = db;
    this.hooks = hooks;
    this.log = log;
    this.api = new Api(config.secret, { apiRoot: config.settings.apiRoot, timeoutSeconds: 120 });
    this.updates = new TelegramUpdates(config, db, this.api, log, () => this.stopped);
  }

  /** Resolves once the first call to the Bot API is answered or has failed. */
  async start(): Promise<void> {
    this.hooks.onStatus('starting', '');
    let first!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (first = resolve));
    this.loop = this.run(first).finally(first);
    await firstAttempt;
  }

  private async run(firstAttempt: () => void): Promise<void> {
    const signal = this.abort.signal;
    const webhookUrl = this.config.settings.webhookUrl ?? '';
    let running = false;
    while (!this.stopped) {
      try {
        if (!running) {
          await this.api.getMe(apiSignal(signal));
          if (webhookUrl) {
            await this.registerWebhook(webhookUrl, signal);
          } else {
            await this.leaveWebhook(signal);
          }
          running = true;
          this.failures = 0;
          this.hooks.onStatus('running', '');
          firstAttempt();
        }
        if (webhookUrl) {
          // Telegram posts the updates to the route; this connector sends, and watches the webhook.
          await sleep(this.webhookCheckMs, signal);
          if (this.stopped) return;
          await this.checkWebhook(webhookUrl, signal);
          if (this.failures > 0) {
            this.failures = 0;
            if (!this.webhookProblem) this.hooks.onStatus('running', '');
          }
          continue;
        }
        const offset = await this.readOffset();
        const updates = await this.api.getUpdates(
          { offset, timeout: this.config.settings.pollTimeoutSeconds, limit: 100 },
          apiSignal(signal),
        );
        if (this.stopped) return;
        if (this.failures > 0) {
          this.failures = 0;
          this.hooks.onStatus('running', '');
        }
        if (updates.length === 0) continue;
        await this.updates.take(updates, signal);
        await this.saveOffset(updates.at(-1)!.update_id + 1);
      } catch (error) {
        if (this.stopped) return;
        firstAttempt();
        const detail = describeTelegramError(error);
        this.log.warn({ channel: this.config.id, reason: detail }, 'telegram channel: Bot API call failed');
        this.hooks.onStatus('failing', detail);
        if (error instanceof GrammyError && error.error_code === 401) running = false;
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const delay = retryAfter
          ? retryAfter * 1000
          : Math.min(reconnect.maxMs, reconnect.firstMs * 2 ** Math.min(this.failures, 10));
        this.failures++;
        await sleep(delay, signal);
      }
    }
  }

  /**
   * Asks Telegram to post updates to the endpoint, with the secret the route checks. One
   * connection at a time, so a chat's messages arrive, and are filed, in the order written.
   */
  private async registerWebhook(url: string, signal: AbortSignal): Promise<void> {
    await this.api.setWebhook(
      url,
      { secret_token: webhookSecretToken(this.config.secret), max_connections: 1 },
      apiSignal(signal),
    );
    this.log.info({ channel: this.config.id, url }, 'telegram channel: webhook set, Telegram posts updates to the endpoint');
  }

  /**
   * Telegram reports what went wrong posting to the endpoint (getWebhookInfo): a recent error
   * shows as the channel failing, with Telegram's words; a webhook someone changed is set again.
   */
  private async checkWebhook(url: string, signal: AbortSignal): Promise<void> {
    const info = await this.api.getWebhookInfo(apiSignal(signal));
    if (info.url !== url) {
      // Switched off meanwhile (its webhook released), this connector only waits to be stopped.
      if (!(await this.stillEnabled())) return;
      this.log.warn({ channel: this.config.id }, 'telegram channel: the webhook was changed elsewhere, set again');
      await this.registerWebhook(url, signal);
      return;
    }
    const detail = webhookProblem(info, url, this.webhookCheckMs, Date.now());
    if (detail !== this.webhookProblem) {
      this.webhookProblem = detail;
      if (detail)
        this.log.warn({ channel: this.config.id, reason: detail }, 'telegram channel: Telegram cannot reach the webhook');
      this.hooks.onStatus(detail ? 'failing' : 'running', detail);
    }
  }

  /** Long polling: a webhook left from webhook mode would make getUpdates fail (409), so it is removed. */
  private async leaveWebhook(signal: AbortSignal): Promise<void> {
    const info = await this.api.getWebhookInfo(apiSignal(signal));
    if (!info.url) return;
    await this.api.deleteWebhook({ drop_pending_updates: false }, apiSignal(signal));
    this.log.info({ channel: this.config.id }, 'telegram channel: webhook removed, long polling');
  }

  private async stillEnabled(): Promise<boolean> {
    const row = await this.db.selectFrom('channels').select('enabled').where('id', '=', this.config.id).executeTakeFirst();
    return row?.enabled === true;
  }

  private async readOffset(): Promise<number | undefined> {
    const row = await this.db.selectFrom('channels').select('cursor').where('id', '=', this.config.id).executeTakeFirst();
    const offset = (row?.cursor as { offset?: unknown } | undefined)?.offset;
    return typeof offset === 'number' ? offset : undefined;
  }

  private async saveOffset(offset: number): Promise<void> {
    await this.db
      .updateTable('channels')
      .set({ cursor: JSON.stringify({ offset }) })
      .where('id', '=', this.config.id)
      .execute();
  }

  private get webhookCheckMs(): number {
    return (this.config.settings.webhookCheckSeconds ?? webhookCheckSeconds) * 1000;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) throw new SendError(`Telegram просит подождать ${Math.ceil(wait / 1000)} с (429)`, false, wait);
    // The acknowledgement answers the client's message itself in the chat.
    const replyTo = /^tg:\d+:(-?\d+):(\d+)$/.exec(message.inReplyTo);
    const replyParameters =
      replyTo && replyTo[1] === message.to
        ? { reply_parameters: { message_id: Number(replyTo[2]), allow_sending_without_reply: true } }
        : undefined;
    try {
      const ids: number[] = [];
      const parts = splitMessageText(message.body);
      for (const [i, part] of parts.entries()) {
        const sent = await this.api.sendMessage(message.to, part, i === 0 ? replyParameters : undefined);
        ids.push(sent.message_id);
      }
      return { response: `Telegram принял сообщение ${ids.join(', ')}` };
    } catch (error) {
      if (error instanceof GrammyError) {
        const retryAfter = error.parameters.retry_after;
        if (error.error_code === 429 && retryAfter !== undefined) {
          this.pausedUntil = Date.now() + retryAfter * 1000;
          throw new SendError(`Telegram просит подождать ${retryAfter} с (429)`, false, retryAfter * 1000);
        }
        if (error.error_code === 403) {
          const blocked = /blocked by the user/i.test(error.description);
          throw new SendError(
            blocked
              ? `Клиент заблокировал бота в Telegram: ${error.description}`
              : `Telegram не даёт писать в этот чат: ${error.description}`,
            true,
          );
        }
        if (error.error_code === 400) throw new SendError(`Telegram отклонил сообщение: ${error.description}`, true);
      }
      throw new SendError(describeTelegramError(error), false);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop?.catch(() => {});
    this.hooks.onStatus('stopped', '');
  }
}
