/**
 * Runs the workspace's channel connectors inside the endpoint: each enabled channel whose lease
 * this instance holds gets a connector; the outbound worker sends the queue of those channels;
 * the reply pick-up turns pushed replies into queued mail. A connector that fails (wrong password,
 * host down) reports it and retries on its own; it never throws into the server or stops the
 * others. Status goes to the channel's row, so /api/health on any instance reports every connector.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/openDatabase.ts';
import { changeChannel } from '../replication/collectionWriter.ts';
import { holdLease, liveLeases, releaseLeases } from './channelLease.ts';
import type { ChannelLogger } from './channelLogger.ts';
import { enabledChannels } from './channelStore.ts';
import {
  SendError,
  type ChannelConfig,
  type ChannelConnector,
  type ConnectorHooks,
  type ConnectorState,
  type ConnectorStatus,
} from './channelTypes.ts';
import { recordFailure, recordSent, recordThrottled } from './deliveryStatus.ts';
import { EmailConnector } from './email/emailConnector.ts';
import { claimDue, retryDelay, retryPolicy, type OutboundRow } from './outboundQueue.ts';
import { pickUpReplies } from './replyPickup.ts';
import { pickUpCrmWriteBacks } from './bitrix24/crmWriteBack.ts';
import { Bitrix24Connector } from './bitrix24/bitrix24Connector.ts';
import { TelegramConnector } from './telegram/telegramConnector.ts';

export interface ChannelManagerOptions {
  instanceId?: string;
  /** Lease length; renewed every third of it. */
  leaseMs?: number;
  /** How often the channel list is read again (new, disabled channels). */
  refreshMs?: number;
  /** The outbound worker's idle poll. */
  workerMs?: number;
  retry?: { firstDelayMs: number; maxDelayMs: number; maxAttempts: number; claimMs: number };
  /** How many messages are sent at once. */
  sendConcurrency?: number;
  connectorFactory?: (config: ChannelConfig, hooks: ConnectorHooks) => ChannelConnector;
}

interface Running {
  connector: ChannelConnector;
  state: ConnectorState;
}

export class ChannelManager {
  readonly instanceId: string;
  private readonly database: Database;
  private readonly log: ChannelLogger;
  private readonly leaseMs: number;
  private readonly refreshMs: number;
  private readonly workerMs: number;
  private readonly retry: NonNullable<ChannelManagerOptions['retry']>;
  private readonly concurrency: number;
  private readonly factory: NonNullable<ChannelManagerOptions['connectorFactory']>;
  private readonly running = new Map<string, Running>();
  private timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;
  private refreshing: Promise<void> | null = null;
  private working: Promise<void> | null = null;
  private workAgain = false;
  private picking: Promise<void> | null = null;
  private pickAgain = false;
  private anyChannel = false;

  constructor(database: Database, log: ChannelLogger, options: ChannelManagerOptions = {}) {
    this.database = database;
    this.log = log;
    this.instanceId = options.instanceId ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 30_000;
    this.refreshMs = options.refreshMs ?? Math.round(this.leaseMs / 3);
    this.workerMs = options.workerMs ?? 1000;
    this.retry = options.retry ?? retryPolicy;
    this.concurrency = options.sendConcurrency ?? 8;
    this.factory =
      options.connectorFactory ??
      ((config, hooks) =>
        config.kind === 'telegram'
          ? new TelegramConnector(config, database.db, hooks, this.log)
          : config.kind === 'bitrix24'
            ? new Bitrix24Connector(config, database.db, hooks, this.log)
            : new EmailConnector(config, database.db, hooks, this.log));
  }

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(changeChannel, (payload) => {
      if (payload === null || payload.includes('"c":"events"')) this.pickUp();
    });
    await this.refresh();
    const every = (ms: number, run: () => void) => {
      const timer = setInterval(run, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.refreshMs, () => void this.refresh());
    every(this.workerMs, () => {
      this.pickUp();
      this.work();
    });
  }

  /** Connector statuses of every configured channel, as /api/health reports them. */
  async statuses(now: number = Date.now()): Promise<ConnectorStatus[]> {
    const db = this.database.db;
    const rows = await db
      .selectFrom('channels')
      .select(['id', 'kind', 'name', 'address', 'enabled', 'status', 'status_detail', 'status_at'])
      .orderBy('created_at')
      .execute();
    const leases = await liveLeases(db, now);
    return rows.map((r) => {
      const held = leases.has(r.id);
      const state: ConnectorState = !r.enabled ? 'stopped' : held ? (r.status as ConnectorState) : 'standby';
      return {
        id: r.id,
        kind: r.kind,
        name: r.name,
        address: r.address,
        state,
        detail:
          r.enabled && held ? r.status_detail : r.enabled ? 'Ни один экземпляр сервера не ведёт этот канал.' : 'Канал отключён.',
        since: r.status_at,
      };
    });
  }

  /** Runs one refresh now (tests, after a CLI change). */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh()
      .catch((error: unknown) => this.log.error({ reason: (error as Error).message }, 'channels: refresh failed'))
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    if (this.stopped) return;
    const db = this.database.db;
    const configs = await enabledChannels(db);
    this.anyChannel = configs.length > 0;
    const now = Date.now();
    const wanted = new Set<string>();
    for (const config of configs) {
      if (await holdLease(db, config.id, this.instanceId, now, this.leaseMs)) wanted.add(config.id);
    }
    for (const [id, run] of [...this.running]) {
      const config = configs.find((c) => c.id === id);
      const changed = config && JSON.stringify(config) !== JSON.stringify(run.connector.config);
      if (!wanted.has(id) || changed) {
        this.running.delete(id);
        await run.connector.stop().catch(() => {});
      }
    }
    await releaseLeases(
      db,
      this.instanceId,
      [...(await liveLeases(db, now)).entries()].filter(([id, h]) => h === this.instanceId && !wanted.has(id)).map(([id]) => id),
    );
    for (const config of configs) {
      if (!wanted.has(config.id) || this.running.has(config.id) || this.stopped) continue;
      // Only the lease holder sends a channel's mail, and this instance was not sending it: a
      // message left `sending` is one whose sender died (killed mid-send). Retry it now.
      await db
        .updateTable('outbound_messages')
        .set({ state: 'queued', next_attempt_at: now })
        .where('channel_id', '=', config.id)
        .where('state', '=', 'sending')
        .execute();
      const run: Running = { connector: null as unknown as ChannelConnector, state: 'starting' };
      // Status writes are chained: on a pool, a quick 'running' could otherwise commit before 'starting'.
      let statusWrite: Promise<unknown> = Promise.resolve();
      const hooks: ConnectorHooks = {
        onStatus: (state, detail) => {
          run.state = state;
          const at = Date.now();
          statusWrite = statusWrite
            .then(() =>
              this.database.db
                .updateTable('channels')
                .set({ status: state, status_detail: detail, status_at: at })
                .where('id', '=', config.id)
                .execute(),
            )
            .catch(() => {});
        },
      };
      run.connector = this.factory(config, hooks);
      this.running.set(config.id, run);
      this.log.info({ channel: config.id, kind: config.kind, address: config.address }, 'channels: connector started');
      // A connector failing to start is reported through its status; it retries on its own.
      void run.connector.start().catch((error: unknown) => {
        hooks.onStatus('failing', (error as Error).message?.slice(0, 300) ?? 'ошибка запуска');
      });
    }
  }

  /** The connector this instance runs for a channel (tests). */
  connector(channelId: string): ChannelConnector | null {
    return this.running.get(channelId)?.connector ?? null;
  }

  pickUp(): void {
    if (this.stopped || !this.anyChannel) return;
    if (this.picking) {
      this.pickAgain = true;
      return;
    }
    this.picking = (async () => {
      try {
        do {
          this.pickAgain = false;
          while (!this.stopped && (await pickUpReplies(this.database.db)) > 0) this.work();
          while (!this.stopped && (await pickUpCrmWriteBacks(this.database.db)) > 0) this.work();
        } while (this.pickAgain && !this.stopped);
      } catch (error) {
        this.log.error({ reason: (error as Error).message }, 'channels: reply pick-up failed');
      } finally {
        this.picking = null;
      }
    })();
  }

  work(): void {
    if (this.stopped || this.running.size === 0) return;
    if (this.working) {
      this.workAgain = true;
      return;
    }
    this.working = (async () => {
      try {
        do {
          this.workAgain = false;
          while (!this.stopped) {
            const batch = await claimDue(
              this.database.db,
              [...this.running.keys()],
              Date.now(),
              this.concurrency * 4,
              this.retry.claimMs,
            );
            if (batch.length === 0) break;
            await this.sendAll(batch);
          }
        } while (this.workAgain && !this.stopped);
      } catch (error) {
        this.log.error({ reason: (error as Error).message }, 'channels: outbound worker failed');
      } finally {
        this.working = null;
      }
    })();
  }

  private async sendAll(batch: OutboundRow[]): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < batch.length && !this.stopped) await this.sendOne(batch[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, batch.length) }, lane));
  }

  private async sendOne(row: OutboundRow): Promise<void> {
    const db = this.database.db;
    const connector = this.running.get(row.channel_id)?.connector;
    if (!connector) return;
    try {
      const result = await connector.send({
        id: row.id,
        to: row.to_address,
        fromName: row.from_name,
        subject: row.subject,
        body: row.body,
        messageId: row.message_id,
        inReplyTo: row.in_reply_to,
        references: row.references_list ? row.references_list.split(' ') : [],
        automatic: row.kind === 'ack' ? 'auto-replied' : row.kind === 'report' || row.kind === 'crm' ? 'auto-generated' : false,
      });
      await recordSent(db, row, result.response, Date.now());
      this.log.info({ channel: row.channel_id, outbound: row.id, kind: row.kind }, 'channels: message sent');
    } catch (error) {
      if (error instanceof SendError && error.retryAfterMs !== null) {
        const now = Date.now();
        await recordThrottled(db, row, error.message, now + error.retryAfterMs, now).catch((e: unknown) =>
          this.log.error({ reason: (e as Error).message }, 'channels: recording a wait failed'),
        );
        this.log.warn(
          { channel: row.channel_id, outbound: row.id, retryAfterMs: error.retryAfterMs },
          'channels: sending postponed, the service asked to wait',
        );
        return;
      }
      const reason = error instanceof SendError ? error.message : ((error as Error).message ?? String(error)).slice(0, 300);
      const final = (error instanceof SendError && error.permanent) || row.attempts >= this.retry.maxAttempts;
      const now = Date.now();
      await recordFailure(db, row, reason, final ? null : now + retryDelay(row.attempts, this.retry), now).catch((e: unknown) =>
        this.log.error({ reason: (e as Error).message }, 'channels: recording a failure failed'),
      );
      this.log.warn(
        { channel: row.channel_id, outbound: row.id, attempts: row.attempts, final, reason },
        'channels: sending failed',
      );
    }
  }

  /** Resolves when the pick-up and the worker have nothing in hand (tests). */
  async settled(): Promise<void> {
    while (this.picking || this.working || this.refreshing) {
      await Promise.all([this.picking, this.working, this.refreshing]);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.unlisten?.().catch(() => {});
    await Promise.all([this.picking, this.working, this.refreshing].map((p) => p?.catch(() => {})));
    await Promise.all([...this.running.values()].map((r) => r.connector.stop().catch(() => {})));
    this.running.clear();
    await releaseLeases(this.database.db, this.instanceId).catch(() => {});
  }
}
