/**
 * «Проверить подключение» for a mailbox before it is saved: an IMAP sign-in (and the folder) and
 * an SMTP handshake with the same settings the connector will use. Each answer is null when it
 * worked, else a sentence for the admin that never holds the password.
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { EmailSettings } from '../channelTypes.ts';
import { describeMailError } from './emailConnector.ts';

export interface ConnectionCheck {
  imap: string | null;
  smtp: string | null;
}

const timeoutMs = 15_000;

async function checkImap(s: EmailSettings, secret: string): Promise<string | null> {
  const client = new ImapFlow({
    host: s.imapHost,
    port: s.imapPort,
    secure: s.imapSecure,
    auth: { user: s.user, pass: secret },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const status = await client.status(s.mailbox, { messages: true }).catch(() => null);
    if (!status) return `Папки «${s.mailbox}» на почтовом сервере нет.`;
    return null;
  } catch (error) {
    return describeMailError(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function checkSmtp(s: EmailSettings, secret: string): Promise<string | null> {
  const transport = nodemailer.createTransport({
    host: s.smtpHost,
    port: s.smtpPort,
    secure: s.smtpSecure,
    auth: { user: s.user, pass: secret },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.verify();
    return null;
  } catch (error) {
    return describeMailError(error);
  } finally {
    transport.close();
  }
}

export async function checkEmailConnection(settings: EmailSettings, secret: string): Promise<ConnectionCheck> {
  const [imap, smtp] = await Promise.all([checkImap(settings, secret), checkSmtp(settings, secret)]);
  return { imap, smtp };
}
