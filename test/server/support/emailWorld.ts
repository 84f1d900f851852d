/**
 * A desk's mail world for the channel tests: a real Dovecot with the desk's and the clients'
 * mailboxes, a real SMTP server delivering into them, and an endpoint with an email channel on
 * that mailbox. Mail "from a client" is delivered into the desk's INBOX as an MTA would.
 */
import { addEmailChannel } from '../../../server/channels/channelStore.ts';
import type { ChannelManagerOptions } from '../../../server/channels/channelManager.ts';
import type { ServerOptions } from '../../../server/app.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { startDovecot, type DovecotServer } from '../../support/dovecotServer.ts';
import { appendMail, readMailbox, startSmtpSink, type SmtpSink } from '../../support/smtpSink.ts';
import type { Backend } from './testDatabase.ts';
import { startTestServer, type TestServer } from './testServer.ts';

export const desk = { address: 'support@pass24.test', password: 'desk-secret' } as const;
export const client = { address: 'sokolova@uk-dom.test', password: 'client-secret' } as const;

export interface EmailWorld {
  dovecot: DovecotServer;
  smtp: SmtpSink;
  server: TestServer;
  channelId: string;
  /** Delivers a raw message into the desk's mailbox. */
  deliver(raw: string | Buffer): Promise<void>;
  clientMailbox(): ReturnType<typeof readMailbox>;
  tickets(): Promise<Array<Ticket & { _deleted: boolean }>>;
  events(ticketId?: string): Promise<Array<TicketEvent & { _deleted: boolean }>>;
  close(): Promise<void>;
}

/** Fast timings for tests: the same code paths, shorter waits. */
export const fastChannels: ChannelManagerOptions = {
  leaseMs: 3000,
  refreshMs: 200,
  workerMs: 100,
  retry: { firstDelayMs: 200, maxDelayMs: 400, maxAttempts: 3, claimMs: 2000 },
};

export async function startEmailWorld(
  backend: Backend,
  channels: ChannelManagerOptions = fastChannels,
  serverOptions: Partial<ServerOptions> = {},
): Promise<EmailWorld> {
  const dovecot = await startDovecot();
  dovecot.addUser(desk.address, desk.password);
  dovecot.addUser(client.address, client.password);
  const smtp = await startSmtpSink({
    user: desk.address,
    password: desk.password,
    dovecot,
    mailboxPasswords: { [client.address]: client.password, [desk.address]: desk.password },
  });
  const server = await startTestServer(backend, { channels, ...serverOptions });
  const channelId = await addEmailChannel(server.database.db, {
    name: 'Поддержка',
    address: desk.address,
    secret: desk.password,
    settings: {
      imapHost: dovecot.host,
      imapPort: dovecot.port,
      imapSecure: false,
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecure: false,
      user: desk.address,
      mailbox: 'INBOX',
      pollMs: 5000,
    },
  });
  return {
    dovecot,
    smtp,
    server,
    channelId,
    deliver: (raw) => appendMail(dovecot, desk.address, desk.password, raw),
    clientMailbox: () => readMailbox(dovecot, client.address, client.password),
    async tickets() {
      return (await server.asAgent.pullAll<Ticket>('tickets')).documents;
    },
    async events(ticketId) {
      const all = (await server.asAgent.pullAll<TicketEvent>('events')).documents;
      return ticketId ? all.filter((e) => e.ticketId === ticketId) : all;
    },
    async close() {
      await server.close();
      await smtp.stop();
      dovecot.stop();
    },
  };
}

/** Polls until `probe` gives a value (not undefined/null/false), or fails with `what`. */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A plain message from the client. */
export function mailFromClient(subject: string, body: string, extraHeaders: Record<string, string> = {}): string {
  const id = `<${Math.random().toString(36).slice(2)}@uk-dom.test>`;
  const encodedSubject = `=?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`;
  const headers = {
    From: `=?UTF-8?B?${Buffer.from('Ирина Соколова').toString('base64')}?= <${client.address}>`,
    To: desk.address,
    Subject: encodedSubject,
    'Message-ID': id,
    Date: new Date().toUTCString(),
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': 'base64',
    ...extraHeaders,
  };
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${Buffer.from(body)
    .toString('base64')
    .replace(/(.{76})/g, '$1\r\n')}\r\n`;
}
