/**
 * The email connector: IMAP in (imapflow, IDLE when the server has it, NOOP polling otherwise,
 * and a periodic check as a safety net), SMTP out (nodemailer, a small connection pool).
 * New messages are taken in UID order from a cursor stored with the channel (UIDVALIDITY and the
 * last UID filed; a backlog is taken in batches, one fetch and one transaction each), so a restart, a reconnect or another instance taking over the lease continues
 * where the last one stopped and files nothing twice. A message too large, unreadable or failing
 * to file is logged and passed over: one bad message never stops the mailbox.
 */
import { ImapFlow } from 'imapflow';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DbSchema } from '../../db/dbSchema.ts';
import {
  SendError,
  type EmailChannelConfig,
  type ChannelConnector,
  type ConnectorHooks,
  type OutgoingMessage,
  type SendResult,
} from '../channelTypes.ts';
import { attachmentLimits } from '../inboundMessage.ts';
import { receiveMessages } from '../receiveMessage.ts';
import type { InboundMessage } from '../inboundMessage.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import { parseEmail } from './parseEmail.ts';

interface ImapCursor {
  uidValidity: string;
  lastUid: number;
}

const reconnect = { firstMs: 1000, maxMs: 60_000 } as const;

interface PendingMessage {
  uid: number;
  size: number;
}

/** A backlog is taken in batches: one fetch and one transaction each, bounded in count and bytes. */
const batchLimits = { messages: 50, bytes: attachmentLimits.message } as const;

function batchesOf(pending: readonly PendingMessage[]): PendingMessage[][] {
  const batches: PendingMessage[][] = [];
  let current: PendingMessage[] = [];
  let bytes = 0;
  for (const m of pending) {
    if (current.length > 0 && (current.length >= batchLimits.messages || bytes + m.size > batchLimits.bytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += Math.min(m.size, batchLimits.bytes);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A sentence for the admin from an IMAP or SMTP error; never the password. */
export function describeMailError(error: unknown): string {
  const e = error as {
    authenticationFailed?: boolean;
    code?: string;
    responseText?: string;
    message?: string;
    responseCode?: number;
  };
  if (e.authenticationFailed || e.code === 'EAUTH' || e.code === 'AUTHENTICATIONFAILED') {
    return 'Почтовый сервер не принял логин или пароль.';
  }
  // nodemailer wraps socket errors (code ESOCKET, EDNS): the system's code is then in the message.
  const said = `${e.code ?? ''} ${e.message ?? ''}`;
  if (/ECONNREFUSED/.test(said)) return 'Почтовый сервер не отвечает: соединение отклонено.';
  if (/ENOTFOUND|EAI_AGAIN/.test(said)) return 'Адрес почтового сервера не найден (DNS).';
  if (e.code === 'ETIMEDOUT' || e.code === 'ETIMEOUT' || e.code === 'CONNECT_TIMEOUT')
    return 'Почтовый сервер не ответил вовремя.';
  return (e.responseText ?? e.message ?? String(error)).slice(0, 300);
}

export class EmailConnector implements ChannelConnector {
  readonly config: EmailChannelConfig;
  private readonly db: Kysely<DbSchema>;
  private readonly hooks: ConnectorHooks;
  private readonly log: ChannelLogger;
  private client: ImapFlow | null = null;
  private transporter: Transporter | null = null;
  private stopped = false;
  private checking: Promise<void> | null = null;
  private again = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(config: EmailChannelConfig, db: Kysely<DbSchema>, hooks: ConnectorHooks, log: ChannelLogger) {
    this.config = config;
    this.db = db;
    this.hooks = hooks;
    this.log = log;
  }

  async start(): Promise<void> {
    this.hooks.onStatus('starting', '');
    await this.connect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = Math.min(reconnect.maxMs, reconnect.firstMs * 2 ** Math.min(this.failures, 10));
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const s = this.config.settings;
    const client = new ImapFlow({
      host: s.imapHost,
      port: s.imapPort,
      secure: s.imapSecure,
      auth: { user: s.user, pass: this.config.secret },
      logger: false,
      // IDLE as soon as the connection is quiet, so new mail is announced at once.
      autoIdleDelay: 200,
      maxIdleTime: 5 * 60_000,
      missingIdleCommand: 'NOOP',
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      disableAutoEnable: false,
      // A message over the limit is refused by size before its body is fetched.
      maxLiteralSize: attachmentLimits.message * 2 + 1024 * 1024,
    });
    client.on('error', (error: unknown) => {
      this.log.warn({ channel: this.config.id, reason: describeMailError(error) }, 'email channel: IMAP error');
    });
    client.on('exists', () => this.check());
    client.on('close', () => {
      if (this.client !== client) return;
      this.client = null;
      if (this.stopped) return;
      this.hooks.onStatus('failing', 'Соединение с почтовым сервером потеряно; переподключение.');
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.mailboxOpen(s.mailbox || 'INBOX');
    } catch (error) {
      const detail = describeMailError(error);
      this.log.warn({ channel: this.config.id, reason: detail }, 'email channel: cannot connect');
      this.hooks.onStatus('failing', detail);
      client.close();
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      client.close();
      return;
    }
    this.client = client;
    this.failures = 0;
    this.hooks.onStatus('running', '');
    this.pollTimer ??= setInterval(() => this.check(), s.pollMs);
    this.pollTimer.unref();
    this.check();
  }

  /** Takes new mail; calls while one runs make it run once more afterwards. */
  check(): void {
    if (this.stopped) return;
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = (async () => {
      do {
        this.again = false;
        await this.takeNewMail().catch((error: unknown) => {
          this.log.warn({ channel: this.config.id, reason: describeMailError(error) }, 'email channel: taking mail failed');
        });
      } while (this.again && !this.stopped);
      this.checking = null;
    })();
  }

  /** Resolves when no check is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.checking) await this.checking;
  }

  private async readCursor(): Promise<ImapCursor | null> {
    const row = await this.db.selectFrom('channels').select('cursor').where('id', '=', this.config.id).executeTakeFirst();
    const cursor = row?.cursor as Partial<ImapCursor> | undefined;
    return cursor && typeof cursor.lastUid === 'number' && typeof cursor.uidValidity === 'string'
      ? { uidValidity: cursor.uidValidity, lastUid: cursor.lastUid }
      : null;
  }

  private async saveCursor(cursor: ImapCursor): Promise<void> {
    await this.db
      .updateTable('channels')
      .set({ cursor: JSON.stringify(cursor) })
      .where('id', '=', this.config.id)
      .execute();
  }

  private async takeNewMail(): Promise<void> {
    const client = this.client;
    if (!client || !client.mailbox) return;
    const uidValidity = String(client.mailbox.uidValidity);
    let cursor = await this.readCursor();
    // A new UIDVALIDITY renumbers the mailbox: start over; filing is idempotent on Message-ID.
    if (!cursor || cursor.uidValidity !== uidValidity) cursor = { uidValidity, lastUid: 0 };
    if (client.mailbox.exists === 0) return;
    const pending: PendingMessage[] = [];
    for await (const msg of client.fetch(`${cursor.lastUid + 1}:*`, { uid: true, size: true }, { uid: true })) {
      if (msg.uid > cursor.lastUid) pending.push({ uid: msg.uid, size: msg.size ?? 0 });
    }
    pending.sort((a, b) => a.uid - b.uid);
    for (const batch of batchesOf(pending)) {
      if (this.stopped || this.client !== client) return;
      await this.takeBatch(client, batch);
      cursor = { uidValidity, lastUid: batch.at(-1)!.uid };
      await this.saveCursor(cursor);
    }
  }

  /**
   * One fetch for the batch's messages and one transaction to file them (receiveMessages); a
   * message too large is refused by its size before its body is read, one that cannot be read
   * or filed is logged and passed over. A dropped connection throws: the cursor stays, and the
   * batch is taken again after reconnecting (filing is idempotent on Message-ID).
   */
  private async takeBatch(client: ImapFlow, batch: readonly PendingMessage[]): Promise<void> {
    const wanted: number[] = [];
    for (const { uid, size } of batch) {
      if (size > attachmentLimits.message) {
        this.log.warn(
          { channel: this.config.id, uid, size, limit: attachmentLimits.message },
          'email channel: message refused, larger than the limit for one message',
        );
      } else {
        wanted.push(uid);
      }
    }
    if (wanted.length === 0) return;
    const parsed: Array<{ uid: number; message: InboundMessage }> = [];
    const sources = new Map<number, Buffer>();
    try {
      for await (const fetched of client.fetch(wanted.join(','), { uid: true, source: true }, { uid: true })) {
        if (fetched.source) sources.set(fetched.uid, fetched.source);
      }
    } catch (error) {
      if (this.client !== client) throw error;
      // One message the server cannot hand over in a batch: the rest are read one at a time.
      for (const uid of wanted.filter((u) => !sources.has(u))) {
        try {
          const one = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (one && one.source) sources.set(uid, one.source);
        } catch (oneError) {
          if (this.client !== client) throw oneError;
          this.log.error(
            { channel: this.config.id, uid, reason: describeMailError(oneError) },
            'email channel: message could not be read and is passed over',
          );
        }
      }
    }
    for (const uid of wanted) {
      const source = sources.get(uid);
      if (!source) {
        this.log.warn({ channel: this.config.id, uid }, 'email channel: message vanished before it was read');
        continue;
      }
      try {
        parsed.push({ uid, message: await parseEmail(source, this.config.id, Date.now()) });
      } catch (error) {
        this.log.error(
          { channel: this.config.id, uid, reason: (error as Error).message?.slice(0, 300) },
          'email channel: message could not be read and is passed over',
        );
      }
    }
    const outcomes = await receiveMessages(
      this.db,
      parsed.map((p) => p.message),
    );
    outcomes.forEach((outcome, i) => {
      const uid = parsed[i]!.uid;
      if (outcome.ok) {
        const { result } = outcome;
        this.log.info(
          { channel: this.config.id, uid, outcome: result.outcome, ticket: result.number ?? result.ticketId },
          'email channel: message filed',
        );
      } else {
        this.log.error(
          { channel: this.config.id, uid, reason: outcome.error.message?.slice(0, 300) },
          'email channel: message could not be filed and is passed over',
        );
      }
    });
  }

  private smtp(): Transporter {
    const s = this.config.settings;
    this.transporter ??= nodemailer.createTransport({
      host: s.smtpHost,
      port: s.smtpPort,
      secure: s.smtpSecure,
      auth: { user: s.user, pass: this.config.secret },
      pool: true,
      maxConnections: 4,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    return this.transporter;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    try {
      const info = (await this.smtp().sendMail({
        from: { name: message.fromName, address: this.config.address },
        to: message.to,
        subject: message.subject,
        text: message.body,
        messageId: message.messageId,
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
        ...(message.references.length > 0 ? { references: message.references } : {}),
        headers: message.automatic ? { 'Auto-Submitted': message.automatic, 'X-Auto-Response-Suppress': 'All' } : {},
      })) as { response?: string };
      return { response: (info.response ?? '').slice(0, 300) };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string };
      // 5xx for the message or a recipient is final; connection and auth troubles are retried.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH';
      throw new SendError(describeMailError(error), permanent);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) await client.logout().catch(() => client.close());
    await this.checking?.catch(() => {});
    this.transporter?.close();
    this.transporter = null;
    this.hooks.onStatus('stopped', '');
  }
}
