/**
 * The endpoint killed with SIGKILL while SMTP is taking a reply: no reply is lost. The reply was
 * claimed but never recorded as sent, so the next instance to hold the mailbox sends it again,
 * with the same Message-ID. Had the SMTP server finished taking the first copy (as here), the
 * client gets two copies of one message: delivery is at least once, never at most once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { createAccount } from '../../../server/auth/accounts.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { addEmailChannel } from '../../../server/channels/channelStore.ts';
import { openDatabase } from '../../../server/db/openDatabase.ts';
import { startDovecot, type DovecotServer } from '../../support/dovecotServer.ts';
import { freePort, waitForHealth } from '../../support/serverProcess.ts';
import { appendMail, startSmtpSink, type SmtpSink } from '../../support/smtpSink.ts';
import { ApiClient } from '../support/apiClient.ts';
import { eventDoc } from '../support/documents.ts';
import { client, desk, eventually, mailFromClient } from '../support/emailWorld.ts';
import { createPostgresDatabase } from '../support/testDatabase.ts';

describe('SIGKILL while sending a reply (postgres)', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpSink;
  let url: string;
  let token: string;
  let agentId: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    dovecot.addUser(desk.address, desk.password);
    dovecot.addUser(client.address, client.password);
    smtp = await startSmtpSink({ user: desk.address, password: desk.password });
    url = await createPostgresDatabase('crash_mail');
    const database = await openDatabase({ url });
    try {
      const agent = await createAccount(database.db, {
        login: 'anna',
        name: 'Анна',
        role: 'agent',
        password: 'correct horse battery',
      });
      agentId = agent.id;
      token = (await createSession(database.db, agent.id, 3_600_000, Date.now())).token;
      await addEmailChannel(database.db, {
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
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await smtp.stop();
    dovecot.stop();
  });

  async function startEndpoint(): Promise<{ api: ApiClient; child: ChildProcess }> {
    const port = await freePort();
    const child = spawn(process.execPath, ['server/cli.ts', 'start', '--port', String(port), '--log-level', 'warn'], {
      env: { ...process.env, DATABASE_URL: url, PASS24_CHANNEL_LEASE_SECONDS: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, child, 60_000);
    return { api: new ApiClient(base, token), child };
  }

  it('sends the reply after the restart, with the same Message-ID', async () => {
    const first = await startEndpoint();
    await appendMail(dovecot, desk.address, desk.password, mailFromClient('Камера не видит номера', 'С утра не распознаёт.'));
    const ticket = await eventually(
      async () => (await first.api.pullAll<Ticket>('tickets')).documents.find((t) => t.number),
      'the ticket',
    );
    await eventually(async () => smtp.messages.length === 1, 'the acknowledgement');

    smtp.hold = true;
    const reply = eventDoc({
      ticketId: ticket.id,
      kind: 'reply',
      public: true,
      authorId: agentId,
      authorName: 'Анна',
      body: 'Проверяем камеру.',
      at: Date.now(),
    });
    await first.api.push('events', [{ assumedMasterState: null, newDocumentState: reply }]);
    await eventually(async () => smtp.held === 1, 'SMTP taking the reply');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    smtp.release();

    const second = await startEndpoint();
    const sent = await eventually(
      async () =>
        (await second.api.pullAll<TicketEvent>('events')).documents.find(
          (e) => e.kind === 'delivery' && e.data.replyId === reply.id && e.data.state === 'sent',
        ),
      'the reply sent after the restart',
    );
    expect(sent.data.to).toBe(client.address);
    const copies = smtp.messages.filter((m) => m.parsed.text?.includes('Проверяем камеру.'));
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m) => m.parsed.messageId)).size).toBe(1);
    second.child.kill('SIGTERM');
  });
});
