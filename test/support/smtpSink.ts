/**
 * A real SMTP server for the channel tests (the `smtp-server` package): it checks the mailbox
 * login, accepts mail, keeps each message, and can deliver it into a Dovecot mailbox by IMAP
 * APPEND, so a test reads the client's mailbox as the client would. Can be stopped and started
 * again on the same port (an SMTP server that is down, then back).
 */
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort, type DovecotServer } from './dovecotServer.ts';

export interface SinkMessage {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  messages: SinkMessage[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Refuse every message with this SMTP reply code while set (e.g. 550). */
  refuseWith: number | null;
  /** While set, a received message is not answered until `release()`: a slow server mid-send. */
  hold: boolean;
  /** Messages received and waiting for `release()`. */
  held: number;
  release(): void;
}

export async function startSmtpSink(options: {
  user: string;
  password: string;
  /** Deliver into this Dovecot's mailboxes (recipient = login; password from `mailboxPasswords`). */
  dovecot?: DovecotServer;
  mailboxPasswords?: Record<string, string>;
}): Promise<SmtpSink> {
  const port = await freePort();
  let server: SMTPServer | null = null;
  const waiting: Array<() => void> = [];
  const sink: SmtpSink = {
    port,
    messages: [],
    refuseWith: null,
    hold: false,
    held: 0,
    release() {
      sink.hold = false;
      for (const go of waiting.splice(0)) go();
    },
    async start() {
      server = new SMTPServer({
        secure: false,
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        authMethods: ['PLAIN', 'LOGIN'],
        logger: false,
        // Stopping drops open (pooled) client connections at once: an SMTP server that went down.
        closeTimeout: 50,
        size: 40 * 1024 * 1024,
        onAuth(auth, _session, callback) {
          if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
          else callback(new Error('Invalid username or password'));
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            if (sink.refuseWith !== null) {
              const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
              error.responseCode = sink.refuseWith;
              callback(error);
              return;
            }
            const raw = Buffer.concat(chunks);
            const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            void (async () => {
              if (sink.hold) {
                sink.held++;
                await new Promise<void>((resolve) => waiting.push(resolve));
              }
              const parsed = await simpleParser(raw);
              sink.messages.push({ from, to, raw, parsed });
              if (options.dovecot) {
                for (const rcpt of to) {
                  const pass = options.mailboxPasswords?.[rcpt];
                  if (pass) await appendMail(options.dovecot, rcpt, pass, raw);
                }
              }
              callback();
            })().catch((error: unknown) => callback(error as Error));
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await sink.start();
  return sink;
}

/** Puts a message into a mailbox, as an MTA delivering it would. */
export async function appendMail(dovecot: DovecotServer, user: string, password: string, raw: Buffer | string): Promise<void> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass: password },
    logger: false,
  });
  await client.connect();
  try {
    await client.append('INBOX', raw);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Every message in a mailbox, parsed. */
export async function readMailbox(dovecot: DovecotServer, user: string, password: string): Promise<ParsedMail[]> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass: password },
    logger: false,
  });
  await client.connect();
  try {
    const box = await client.mailboxOpen('INBOX');
    if (box.exists === 0) return [];
    const raws: Buffer[] = [];
    for await (const msg of client.fetch('1:*', { source: true })) if (msg.source) raws.push(msg.source);
    return Promise.all(raws.map((r) => simpleParser(r)));
  } finally {
    await client.logout().catch(() => client.close());
  }
}
