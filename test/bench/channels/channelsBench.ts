/**
 * `npm run bench:channels`: the email channel against a real Dovecot and a real SMTP server, with
 * an in-process endpoint on PGlite.
 *
 *   1. Mail to ticket on a desk: a message delivered into the mailbox (IMAP APPEND, as an MTA
 *      would) until the ticket arrives on a desk's live stream, with IDLE; one at a time.
 *   2. A backlog: the mailbox fills while the channel is off; time to file every message once on.
 *   3. Replies: agents' replies pushed at once until SMTP has accepted every one.
 *
 * Options: --latency N (messages, 40), --backlog N (1000), --replies N (200).
 * Figures only: a benchmark, not a timed test.
 */
import { parseArgs } from 'node:util';
import { ImapFlow } from 'imapflow';
import type { Ticket } from '#shared/schema/index.ts';
import { buildServer } from '../../../server/app.ts';
import { createAccount } from '../../../server/auth/accounts.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { addEmailChannel, setChannelEnabled } from '../../../server/channels/channelStore.ts';
import { openDatabase } from '../../../server/db/openDatabase.ts';
import { startDovecot } from '../../support/dovecotServer.ts';
import { startSmtpSink } from '../../support/smtpSink.ts';
import { openStream } from '../../server/support/sseReader.ts';

const targets = { latencyP95Ms: 5000, backlogMs: 60_000, repliesMs: 20_000 };
const { values: flags } = parseArgs({
  options: {
    latency: { type: 'string', default: '40' },
    backlog: { type: 'string', default: '1000' },
    replies: { type: 'string', default: '200' },
  },
});
const desk = { address: 'support@pass24.test', password: 'desk-secret' };

const mail = (subject: string, i: number) =>
  `From: Client ${i} <client${i}@uk-dom.test>\r\nTo: ${desk.address}\r\nSubject: ${subject}\r\nMessage-ID: <bench-${subject.replace(/\W/g, '-')}@uk-dom.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nШлагбаум не открывается, сообщение ${i}.\r\n`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const waitUntil = async (probe: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const dovecot = await startDovecot();
dovecot.addUser(desk.address, desk.password);
const smtp = await startSmtpSink({ user: desk.address, password: desk.password });
const database = await openDatabase({ memory: true });
const app = await buildServer({ database, logger: false, channels: { refreshMs: 500, workerMs: 200 } });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const agent = await createAccount(database.db, {
  login: 'bench',
  name: 'Анна',
  role: 'agent',
  password: 'correct horse battery',
});
const { token } = await createSession(database.db, agent.id, 3_600_000, Date.now());
const channelId = await addEmailChannel(database.db, {
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
    pollMs: 600_000,
  },
});
const imap = new ImapFlow({
  host: dovecot.host,
  port: dovecot.port,
  secure: false,
  auth: { user: desk.address, pass: desk.password },
  logger: false,
});
imap.on('error', (error: unknown) => console.error('bench IMAP client:', (error as Error).message));
await imap.connect();
const ticketCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('collection', '=', 'tickets')
        .executeTakeFirstOrThrow()
    ).n,
  );
await waitUntil(
  async () => (await database.db.selectFrom('channels').select('status').executeTakeFirstOrThrow()).status === 'running',
  30_000,
);

// 1. Latency with IDLE.
const stream = await openStream<Ticket>(`${url}/api/replication/tickets/pull/stream`, token);
const latencies: number[] = [];
for (let i = 0; i < Number(flags.latency); i++) {
  const subject = `latency ${i}`;
  const t0 = performance.now();
  await imap.append('INBOX', mail(subject, i));
  await stream.waitFor((m) => m.documents.some((d) => d.subject === subject), 30_000);
  latencies.push(performance.now() - t0);
}
stream.close();
latencies.sort((a, b) => a - b);

// 2. Backlog: the channel is off while the mailbox fills.
await setChannelEnabled(database.db, channelId, false);
await waitUntil(async () => (await database.db.selectFrom('channel_leases').select('channel_id').execute()).length === 0, 30_000);
const before = await ticketCount();
const backlog = Number(flags.backlog);
for (let i = 0; i < backlog; i++) await imap.append('INBOX', mail(`backlog ${i}`, i));
// Done with appending: an idle IMAP session would time out (and throw) while the backlog is filed.
await imap.logout();
const b0 = performance.now();
await setChannelEnabled(database.db, channelId, true);
await waitUntil(async () => (await ticketCount()) >= before + backlog, 600_000);
const backlogMs = performance.now() - b0;

// 3. Replies: one push of N replies on N tickets, until SMTP accepted every one.
const tickets = (
  await database.db
    .selectFrom('documents')
    .select('data')
    .where('collection', '=', 'tickets')
    .limit(Number(flags.replies))
    .execute()
).map((r) => r.data as Ticket);
const replyRows = tickets.map((t, i) => ({
  assumedMasterState: null,
  newDocumentState: {
    id: `bench-reply-${i}`,
    ticketId: t.id,
    kind: 'reply',
    at: Date.now(),
    authorId: agent.id,
    authorName: 'Анна',
    public: true,
    body: `Ответ ${i}`,
    data: {},
    updatedAt: 0,
    _deleted: false,
  },
}));
await waitUntil(
  async () =>
    (await database.db.selectFrom('outbound_messages').select('state').where('state', '!=', 'sent').execute()).length === 0,
  600_000,
);
const r0 = performance.now();
const res = await fetch(`${url}/api/replication/events/push`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(replyRows),
});
if (!res.ok) throw new Error(`push: ${res.status}`);
await waitUntil(
  async () =>
    Number(
      (
        await database.db
          .selectFrom('outbound_messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('kind', '=', 'reply')
          .where('state', '=', 'sent')
          .executeTakeFirstOrThrow()
      ).n,
    ) >= replyRows.length,
  600_000,
);
const repliesMs = performance.now() - r0;

const row = (figure: string, target: string, result: string, ok: boolean) =>
  console.log(`| ${figure} | ${target} | ${result} ${ok ? '' : '(over target)'} |`);
console.log('| figure | target | result |\n| --- | --- | --- |');
row(
  `mail to ticket on a desk, IDLE, ${latencies.length} messages`,
  `p95 <= ${targets.latencyP95Ms / 1000} s`,
  `p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(latencies.at(-1)!)} ms`,
  percentile(latencies, 95) <= targets.latencyP95Ms,
);
row(
  `backlog of ${backlog} messages filed`,
  `<= ${targets.backlogMs / 1000} s`,
  `${(backlogMs / 1000).toFixed(1)} s`,
  backlogMs <= targets.backlogMs,
);
row(
  `${replyRows.length} replies sent (SMTP accepted)`,
  `<= ${targets.repliesMs / 1000} s`,
  `${(repliesMs / 1000).toFixed(1)} s`,
  repliesMs <= targets.repliesMs,
);

await app.close();
await database.close();
await smtp.stop();
dovecot.stop();
