/**
 * Mail as it comes in the wild, through a real Dovecot: each charset and transfer encoding, HTML
 * only (with scripts), no From, a broken MIME tree, attachments over the limits, a 50 MB message.
 * Each becomes a ticket or a clear rejection in the log, and the mailbox goes on.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { eventually, startEmailWorld, type EmailWorld } from '../support/emailWorld.ts';

const from = 'Ирина Соколова <sokolova@uk-dom.test>';
const text = 'Не работает распознавание номеров на въезде, ёлки-палки!';

function message(headers: Record<string, string>, body: string | Buffer): Buffer {
  const head = Object.entries({ To: 'support@pass24.test', 'MIME-Version': '1.0', ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1')]);
}

const mimeWord = (s: string, charset: string, enc: 'B' | 'Q') =>
  enc === 'B'
    ? `=?${charset}?B?${iconv.encode(s, charset).toString('base64')}?=`
    : `=?${charset}?Q?${[...iconv.encode(s, charset)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;

const qp = (buf: Buffer) =>
  [...buf]
    .map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('')
    .replace(/(.{72})/g, '$1=\r\n');

describe('mail variety on pglite', () => {
  let world: EmailWorld;
  let tickets: Array<Ticket & { _deleted: boolean }>;
  let events: Array<TicketEvent & { _deleted: boolean }>;
  const bySubject = (s: string) => tickets.find((t) => t.subject === s);
  const messageOf = (t: Ticket | undefined) => events.find((e) => e.ticketId === t?.id && e.kind === 'client_message');

  beforeAll(async () => {
    world = await startEmailWorld('pglite');
    const cases: Buffer[] = [
      message(
        {
          From: from,
          Subject: mimeWord('UTF-8 base64', 'utf-8', 'B'),
          'Message-ID': '<v1@x>',
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Transfer-Encoding': 'base64',
        },
        Buffer.from(text).toString('base64'),
      ),
      message(
        {
          From: from,
          Subject: mimeWord('Windows-1251 QP', 'windows-1251', 'Q'),
          'Message-ID': '<v2@x>',
          'Content-Type': 'text/plain; charset=windows-1251',
          'Content-Transfer-Encoding': 'quoted-printable',
        },
        qp(iconv.encode(text, 'windows-1251')),
      ),
      message(
        {
          From: from,
          Subject: mimeWord('KOI8-R 8bit', 'koi8-r', 'B'),
          'Message-ID': '<v3@x>',
          'Content-Type': 'text/plain; charset=koi8-r',
          'Content-Transfer-Encoding': '8bit',
        },
        iconv.encode(text, 'koi8-r'),
      ),
      message(
        {
          From: from,
          Subject: mimeWord('KOI8-R base64', 'koi8-r', 'Q'),
          'Message-ID': '<v4@x>',
          'Content-Type': 'text/plain; charset=koi8-r',
          'Content-Transfer-Encoding': 'base64',
        },
        iconv.encode(text, 'koi8-r').toString('base64'),
      ),
      message(
        {
          From: from,
          Subject: 'HTML only',
          'Message-ID': '<v5@x>',
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Transfer-Encoding': 'base64',
        },
        Buffer.from(
          `<html><head><style>p{color:red}</style><script>alert("xss")</script></head><body><p>${text}</p><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">ссылка</a></body></html>`,
        ).toString('base64'),
      ),
      message(
        { Subject: 'No sender', 'Message-ID': '<v6@x>', 'Content-Type': 'text/plain; charset=utf-8' },
        'Without a From header.',
      ),
      message(
        {
          From: from,
          Subject: 'Broken MIME',
          'Message-ID': '<v7@x>',
          'Content-Type': 'multipart/mixed; boundary="never-closed"',
        },
        '--never-closed\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n--never-closed\r\nContent-Type: application/octet-stream\r\n\r\nbroken',
      ),
      message(
        { From: from, Subject: 'Attachments', 'Message-ID': '<v8@x>', 'Content-Type': 'multipart/mixed; boundary="b"' },
        [
          '--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nФото и журнал во вложении.\r\n',
          `--b\r\nContent-Type: text/plain; name="log.txt"\r\nContent-Disposition: attachment; filename="log.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('журнал событий').toString('base64')}\r\n`,
          `--b\r\nContent-Type: application/octet-stream; name="big.bin"\r\nContent-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(
            11 * 1024 * 1024,
            7,
          )
            .toString('base64')
            .replace(/(.{76})/g, '$1\r\n')}\r\n`,
          '--b--\r\n',
        ].join(''),
      ),
      message(
        {
          From: from,
          Subject: 'Fifty megabytes',
          'Message-ID': '<v9@x>',
          'Content-Type': 'application/octet-stream',
          'Content-Transfer-Encoding': 'base64',
        },
        Buffer.alloc(37 * 1024 * 1024, 1)
          .toString('base64')
          .replace(/(.{76})/g, '$1\r\n'),
      ),
      message(
        { From: from, Subject: 'After the big one', 'Message-ID': '<v10@x>', 'Content-Type': 'text/plain; charset=utf-8' },
        'Still here.',
      ),
    ];
    for (const raw of cases) await world.deliver(raw);
    await eventually(
      async () => (await world.tickets()).some((t) => t.subject === 'After the big one'),
      'the last message',
      240_000,
    );
    tickets = await world.tickets();
    events = await world.events();
  }, 300_000);
  afterAll(() => world.close());

  it.each([['UTF-8 base64'], ['Windows-1251 QP'], ['KOI8-R 8bit'], ['KOI8-R base64']])(
    'decodes %s: subject and body read as Russian',
    (subject) => {
      const ticket = bySubject(subject);
      expect(ticket).toMatchObject({
        channel: 'email',
        description: text,
        contact: { name: 'Ирина Соколова', email: 'sokolova@uk-dom.test' },
      });
      expect(messageOf(ticket)?.body).toBe(text);
    },
  );

  it('shows HTML-only mail as text, without scripts, styles or links that run', () => {
    const body = messageOf(bySubject('HTML only'))!.body;
    expect(body).toContain(text);
    expect(body).not.toMatch(/<|alert|color:red|javascript:/);
  });

  it('files a message without From as a ticket with an unknown contact, and acknowledges nothing', async () => {
    const ticket = bySubject('No sender')!;
    expect(ticket.contact).toMatchObject({ name: '', email: '' });
    const queued = await world.server.database.db
      .selectFrom('outbound_messages')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(queued).toEqual([]);
  });

  it('files a broken MIME tree with what could be read', () => {
    expect(bySubject('Broken MIME')).toMatchObject({ channel: 'email' });
  });

  it('stores attachments within the limits, lists refused ones, and serves them to signed-in agents only', async () => {
    const event = messageOf(bySubject('Attachments'))!;
    const listed = JSON.parse(String(event.data.attachments)) as Array<{ id: string; name: string; size: number }>;
    expect(listed).toEqual([expect.objectContaining({ name: 'log.txt', size: Buffer.byteLength('журнал событий') })]);
    expect(JSON.parse(String(event.data.refusedAttachments))).toEqual([{ filename: 'big.bin', size: 11 * 1024 * 1024 }]);
    const res = await fetch(`${world.server.url}/api/attachments/${listed[0]!.id}`, { headers: world.server.asAgent.headers() });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('журнал событий');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await world.server.anonymous.get(`/api/attachments/${listed[0]!.id}`)).status).toBe(401);
    const original = await fetch(`${world.server.url}/api/attachments/${String(event.data.originalId)}`, {
      headers: world.server.asAgent.headers(),
    });
    expect(await original.text()).toContain('Subject: Attachments');
  });

  it('refuses a 50 MB message (no ticket) and goes on with the next one', () => {
    expect(bySubject('Fifty megabytes')).toBeUndefined();
    expect(bySubject('After the big one')).toBeDefined();
  });
});
