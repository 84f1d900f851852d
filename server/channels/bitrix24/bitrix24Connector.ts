/**
 * The Bitrix24 connector: keeps the directory in step with the CRM (a first import, then the
 * changes every `syncMs`) and sends the outbound queue's CRM comments (crm.timeline.comment.add on
 * the company). Tickets from the CRM arrive through the portal's outgoing webhook
 * (server/routes/bitrix24Routes.ts), on whichever instance the call reaches; each round also
 * files the activities the webhook did not bring (activityCatchUp.ts).
 * A refused webhook (expired, deleted, no rights) is reported `failing` with a sentence for the
 * admin and retried with backoff; the server goes on. The webhook's address is never logged.
 */
import type { Kysely } from 'kysely';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import {
  SendError,
  type Bitrix24ChannelConfig,
  type ChannelConnector,
  type ConnectorHooks,
  type OutgoingMessage,
  type SendResult,
} from '../channelTypes.ts';
import { decodeBitrix24Secret, redactWebhook } from './bitrix24Secret.ts';
import { catchUpActivities, mergeChannelCursor, newestActivityId } from './activityCatchUp.ts';
import { syncDirectory } from './directorySync.ts';
import { Bitrix24Error, Bitrix24Rest } from './restClient.ts';

const reconnect = { firstMs: 1000, maxMs: 60_000 } as const;

/** A sentence for the admin from a REST failure; never the webhook's address. */
export function describeBitrix24Error(error: unknown, webhook: string): string {
  if (error instanceof Bitrix24Error) {
    if (error.refusesWebhook)
      return `Битрикс24 не принял адрес вебхука (${error.message}): вебхук удалён, просрочен или у его пользователя нет прав на CRM. Создайте входящий вебхук заново и подключите канал с ним.`.slice(
        0,
        300,
      );
    if (error.code === 'NETWORK') return `Портал Битрикс24 не отвечает (${error.message}): повтор позже.`.slice(0, 300);
    return redactWebhook(`Битрикс24 ответил ошибкой ${error.message}`, webhook).slice(0, 300);
  }
  return redactWebhook((error as Error).message ?? String(error), webhook).slice(0, 300);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export class Bitrix24Connector implements ChannelConnector {
  readonly config: Bitrix24ChannelConfig;
  private readonly db: Kysely<DbSchema>;
  private readonly hooks: ConnectorHooks;
  private readonly log: ChannelLogger;
  private readonly rest: Bitrix24Rest;
  private readonly webhook: string;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private state: 'starting' | 'running' | 'failing' = 'starting';

  constructor(config: Bitrix24ChannelConfig, db: Kysely<DbSchema>, hooks: ConnectorHooks, log: ChannelLogger) {
    this.config = config;
    this.db = db;
    this.hooks = hooks;
    this.log = log;
    this.webhook = decodeBitrix24Secret(config.secret).webhook;
    this.rest = new Bitrix24Rest(this.webhook, {
      callIntervalMs: config.settings.callIntervalMs,
      signal: this.abort.signal,
      onLimited: (method, waitMs) =>
        this.log.warn(
          { channel: config.id, method, waitMs },
          'bitrix24: the portal asked to slow down (QUERY_LIMIT_EXCEEDED), waiting',
        ),
    });
  }

  /** Resolves once the first directory read has finished or failed. */
  async start(): Promise<void> {
    this.hooks.onStatus('starting', '');
    let first!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (first = resolve));
    this.loop = this.run(first).finally(first);
    await firstAttempt;
  }

  private async run(firstAttempt: () => void): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.syncOnce();
        if (this.stopped) return;
        failures = 0;
        if (this.state !== 'running') this.hooks.onStatus('running', '');
        this.state = 'running';
        firstAttempt();
        await sleep(this.config.settings.syncMs, signal);
      } catch (error) {
        if (this.stopped) return;
        const detail = describeBitrix24Error(error, this.webhook);
        this.log.warn({ channel: this.config.id, reason: detail }, 'bitrix24: reading the CRM failed');
        this.hooks.onStatus('failing', detail);
        this.state = 'failing';
        firstAttempt();
        await sleep(Math.min(reconnect.maxMs, reconnect.firstMs * 2 ** Math.min(failures, 10)), signal);
        failures++;
      }
    }
  }

  /**
   * One round: the CRM's changes into the directory, then the activities the webhook may have
   * missed into tickets. Both cursors live in the channel's cursor JSON and move only after what
   * they cover is filed.
   */
  private async syncOnce(): Promise<void> {
    const cursor = await this.readCursor();
    const since = typeof cursor.modifiedSince === 'string' ? cursor.modifiedSince : null;
    const result = await syncDirectory(
      this.rest,
      this.db,
      { id: this.config.id, portal: this.config.settings.portal },
      since,
      this.log,
    );
    if (this.stopped) return;
    if (result.modifiedSince && result.modifiedSince !== since) await this.writeCursor({ modifiedSince: result.modifiedSince });
    if (result.companies > 0)
      this.log.info({ channel: this.config.id, ...result }, 'bitrix24: directory synchronised with the CRM');

    const activitySince = typeof cursor.activitySince === 'string' ? cursor.activitySince : null;
    if (activitySince === null) {
      // First connection: the CRM's past activities are history, not tickets; from now on each one counts.
      const newest = await newestActivityId(this.rest);
      if (this.stopped) return;
      await this.writeCursor({ activitySince: newest });
      this.log.info({ channel: this.config.id, activity: newest }, 'bitrix24: activities followed from the newest one');
      return;
    }
    const caught = await catchUpActivities(this.rest, this.db, this.config, activitySince, this.log, (lastId) =>
      this.stopped ? Promise.resolve() : this.writeCursor({ activitySince: lastId }),
    );
    if (caught.created > 0) this.log.info({ channel: this.config.id, ...caught }, 'bitrix24: activities caught up with the CRM');
  }

  private async readCursor(): Promise<{ modifiedSince?: unknown; activitySince?: unknown }> {
    const row = await this.db.selectFrom('channels').select('cursor').where('id', '=', this.config.id).executeTakeFirst();
    const cursor = row?.cursor as { modifiedSince?: unknown; activitySince?: unknown } | null | undefined;
    return cursor && typeof cursor === 'object' ? cursor : {};
  }

  /** Merges into the stored cursor (in one statement): the directory's and the activities' move independently. */
  private async writeCursor(patch: { modifiedSince?: string; activitySince?: string }): Promise<void> {
    await mergeChannelCursor(this.db, this.config.id, patch);
  }

  /** A comment on the company's timeline; `to` is the company's id. */
  async send(message: OutgoingMessage): Promise<SendResult> {
    try {
      const id = await this.rest.call<number>(
        'crm.timeline.comment.add',
        { fields: { ENTITY_ID: Number(message.to), ENTITY_TYPE: 'company', COMMENT: message.body } },
        { waitOnLimit: false },
      );
      return { response: `комментарий ${id} в CRM` };
    } catch (error) {
      const detail = describeBitrix24Error(error, this.webhook);
      if (error instanceof Bitrix24Error) {
        if (error.rateLimited) throw new SendError(detail, false, 2000);
        // The company is gone or the comment refused: trying again changes nothing.
        if (error.status === 400 || error.code === 'NOT_FOUND') throw new SendError(detail, true);
      }
      throw new SendError(detail, false);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop?.catch(() => {});
  }
}
