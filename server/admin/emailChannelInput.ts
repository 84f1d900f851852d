/**
 * A mailbox channel as the admin describes it (the console's form or `channel add email`'s flags),
 * checked into the connector's settings; refused with a Russian sentence naming the field.
 */
import type { EmailSettings } from '../channels/channelTypes.ts';
import type { NewEmailChannel } from '../channels/channelStore.ts';

export class ChannelInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelInputError';
  }
}

export interface EmailChannelFields {
  name?: string | undefined;
  address: string;
  imapHost: string;
  imapPort?: number | undefined;
  imapTls: boolean;
  smtpHost: string;
  smtpPort?: number | undefined;
  smtpTls: boolean;
  user: string;
  mailbox?: string | undefined;
  pollSeconds?: number | undefined;
  secret: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const hostPattern = /^[A-Za-z0-9.-]{1,253}$/;

function port(value: number | undefined, field: string, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ChannelInputError(`${field}: от 1 до 65535.`);
  return n;
}

function host(value: string, field: string): string {
  const h = value.trim();
  if (!hostPattern.test(h)) throw new ChannelInputError(`${field}: имя или адрес сервера (латиница, цифры, точки, дефисы).`);
  return h;
}

export function emailChannelInput(f: EmailChannelFields): NewEmailChannel {
  const address = f.address.trim();
  if (!emailPattern.test(address)) throw new ChannelInputError(`Адрес «${address}» не похож на адрес почты.`);
  const user = f.user.trim();
  if (user.length === 0 || user.length > 200) throw new ChannelInputError('Логин почтового ящика: от 1 до 200 символов.');
  if (f.secret.length === 0 || f.secret.length > 1000) throw new ChannelInputError('Укажите пароль почтового ящика.');
  const poll = f.pollSeconds ?? 60;
  if (!Number.isInteger(poll) || poll < 1 || poll > 86_400)
    throw new ChannelInputError('Интервал проверки: от 1 до 86400 секунд.');
  const settings: EmailSettings = {
    imapHost: host(f.imapHost, 'Сервер IMAP'),
    imapPort: port(f.imapPort, 'Порт IMAP', f.imapTls ? 993 : 143),
    imapSecure: f.imapTls,
    smtpHost: host(f.smtpHost, 'Сервер SMTP'),
    smtpPort: port(f.smtpPort, 'Порт SMTP', f.smtpTls ? 465 : 587),
    smtpSecure: f.smtpTls,
    user,
    mailbox: (f.mailbox ?? '').trim() || 'INBOX',
    pollMs: poll * 1000,
  };
  const name = (f.name ?? '').trim() || address;
  if (name.length > 200) throw new ChannelInputError('Название канала: до 200 символов.');
  return { name, address, settings, secret: f.secret };
}
