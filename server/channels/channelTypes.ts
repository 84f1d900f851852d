/**
 * The connector interface every channel stands on. A connector receives (each message becomes a
 * ticket or joins one, through `receiveMessage`) and sends (the outbound queue hands it one
 * message at a time and records the outcome). Connectors hold no state that matters: cursors,
 * the queue and the leases live in the database, so a connector can be restarted or moved to
 * another instance at any moment.
 */
import type { Attachment } from './inboundMessage.ts';

export type ChannelKind = 'email' | 'telegram' | 'bitrix24';

export interface EmailSettings {
  imapHost: string;
  imapPort: number;
  imapSecure: boolean;
  smtpHost: string;
  smtpPort: number;
  smtpSecure: boolean;
  user: string;
  /** The mailbox folder to read (default INBOX). */
  mailbox: string;
  /** Poll interval when the server has no IDLE (and a safety net when it has), ms. */
  pollMs: number;
}

export interface TelegramSettings {
  /** The Bot API's address (grammY's `client.apiRoot`): Telegram's own unless configured. */
  apiRoot: string;
  /** Long polling: how long one getUpdates waits for news, seconds. */
  pollTimeoutSeconds: number;
  /**
   * Webhook mode: the address Telegram posts updates to (the endpoint's public address and
   * `/api/telegram/<bot id>/updates`); absent or '' for long polling.
   */
  webhookUrl?: string;
  /** Webhook mode: how often Telegram is asked whether it can deliver (getWebhookInfo), seconds; default 60. */
  webhookCheckSeconds?: number;
}

export interface Bitrix24Settings {
  /** The portal's address (https://company.bitrix24.ru): the CRM's cards are linked there. Not a secret. */
  portal: string;
  /** How often the directory is read for changes, ms. */
  syncMs: number;
  /** The least time between two REST calls, ms (the portal allows two a second). */
  callIntervalMs: number;
  /** The CRM activity kinds (PROVIDER_ID) that open a ticket; empty: every activity. */
  activityProviders: string[];
  /** The desks' web address for links in CRM comments (`<deskUrl>#/queue/<ticket>`); '' for none. */
  deskUrl: string;
}

interface ChannelConfigBase {
  id: string;
  name: string;
  /** The desk's address on this channel (From of outgoing mail; `telegram:<bot id>` for a bot). */
  address: string;
  /** The mailbox password or the bot token. */
  secret: string;
  enabled: boolean;
}

export interface EmailChannelConfig extends ChannelConfigBase {
  kind: 'email';
  settings: EmailSettings;
}

export interface TelegramChannelConfig extends ChannelConfigBase {
  kind: 'telegram';
  settings: TelegramSettings;
}

/**
 * A CRM portal: `secret` holds the incoming webhook's address and the outgoing webhook's
 * application token (server/channels/bitrix24/bitrix24Secret.ts); `address` is `bitrix24:<host>`.
 */
export interface Bitrix24ChannelConfig extends ChannelConfigBase {
  kind: 'bitrix24';
  settings: Bitrix24Settings;
}

/** A configured channel as the endpoint reads it (with the secret: never log this object). */
export type ChannelConfig = EmailChannelConfig | TelegramChannelConfig | Bitrix24ChannelConfig;

/** Health of one connector, as /api/health reports it. */
export type ConnectorState = 'starting' | 'running' | 'failing' | 'stopped' | 'standby';

export interface ConnectorStatus {
  id: string;
  kind: ChannelKind;
  name: string;
  address: string;
  state: ConnectorState;
  /** A sentence for the admin when failing ('' otherwise); never contains a secret. */
  detail: string;
  since: number;
}

/** One outgoing message, as the queue hands it to a connector. */
export interface OutgoingMessage {
  id: string;
  to: string;
  fromName: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
  attachments?: Attachment[];
  /**
   * An automatic message, marked Auto-Submitted so robots do not answer it: `auto-replied` (an
   * acknowledgement answering mail), `auto-generated` (a report nobody wrote to, a CRM comment); false for a person's reply.
   */
  automatic: false | 'auto-replied' | 'auto-generated';
}

export interface SendResult {
  /** What the server answered (for the log and the timeline). */
  response: string;
}

/**
 * A send failure: `permanent` ones are not retried (the address is refused, the message too large).
 * `retryAfterMs` is the service asking to wait (a rate limit): the message is tried again after
 * that long, and the wait does not count as a failed attempt, so it is never given up.
 */
export class SendError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs: number | null;
  constructor(message: string, permanent: boolean, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'SendError';
    this.permanent = permanent;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface ChannelConnector {
  readonly config: ChannelConfig;
  /** Starts receiving; resolves once the first connection attempt is made (it may have failed). */
  start(): Promise<void>;
  send(message: OutgoingMessage): Promise<SendResult>;
  stop(): Promise<void>;
}

export interface ConnectorHooks {
  /** Reports a state change (the manager records it for /api/health). */
  onStatus(state: ConnectorState, detail: string): void;
}
