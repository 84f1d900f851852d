/**
 * Backup and restore move a workspace between PGlite and PostgreSQL, both ways: every document
 * of every collection with its updatedAt and tombstone, ticket counters, intake refs, accounts
 * and API keys, the channels (connectors, threading, outgoing queue, attachments), the admin's
 * audit trail and every version of each knowledge-base article; each restore adds its own audit
 * entry. A non-empty target and a truncated file are refused; a restored connector waits,
 * disabled, for the admin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbArticle } from '#shared/schema/index.ts';
import { cliActor, listAudit, recordAudit } from '../../server/admin/auditLog.ts';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { addEmailChannel } from '../../server/channels/channelStore.ts';
import { openDatabase, type Database } from '../../server/db/openDatabase.ts';
import { writeBackup } from '../../server/ops/backup.ts';
import { restoreBackup, RestoreError } from '../../server/ops/restore.ts';
import { seedDemo } from '../../server/seed/seedDemo.ts';
import { createPostgresDatabase, openTestPglite } from './support/testDatabase.ts';
import { startServerOn } from './support/testServer.ts';
import { ApiClient } from './support/apiClient.ts';
import { fresh, kbDoc, update } from './support/documents.ts';

async function snapshot(database: Database) {
  const docs = await sql<{ collection: string; id: string; updated_at: number; deleted: boolean; json: string }>`
    select collection, id, updated_at, deleted, data::text as json from documents order by collection, updated_at, id`.execute(
    database.db,
  );
  return {
    documents: docs.rows.map((r) => ({ ...r, updated_at: Number(r.updated_at) })),
    counters: await database.db.selectFrom('ticket_counters').selectAll().orderBy('year').execute(),
    refs: await database.db.selectFrom('intake_refs').selectAll().orderBy('channel').orderBy('external_id').execute(),
    accounts: await database.db.selectFrom('accounts').selectAll().orderBy('login').execute(),
    keys: await database.db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
    channels: await database.db.selectFrom('channels').selectAll().orderBy('id').execute(),
    threading: await database.db.selectFrom('channel_messages').selectAll().orderBy('message_id').execute(),
    outgoing: await database.db.selectFrom('outbound_messages').selectAll().orderBy('id').execute(),
    attachments: (await database.db.selectFrom('attachments').selectAll().orderBy('id').execute()).map((a) => ({
      ...a,
      content: Buffer.from(a.content).toString('base64'),
    })),
    cursors: await database.db.selectFrom('channel_cursors').selectAll().orderBy('name').execute(),
    audit: await database.db.selectFrom('audit_log').selectAll().orderBy('at').orderBy('id').execute(),
    kbVersions: (
      await sql<{ article_id: string; updated_at: number; signed_by: string; json: string }>`
        select article_id, updated_at, signed_by, data::text as json from kb_versions order by article_id, updated_at`.execute(
        database.db,
      )
    ).rows.map((r) => ({
      article: r.article_id,
      at: Number(r.updated_at),
      signedBy: r.signed_by,
      data: JSON.parse(r.json) as unknown,
    })),
  };
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;
type AuditLine = { type: string; action?: string; actor_login?: string; target?: string; detail?: string };

/** What a restore gives back: everything, with each connector disabled until the admin enables it. */
function restoredFrom(expected: Snapshot) {
  return {
    ...expected,
    channels: expected.channels.map((c) => ({ ...c, enabled: false, status: 'stopped', status_detail: '', status_at: 0 })),
  };
}

/** A restored workspace's own restore entries, apart from the rest of what came back. */
function splitRestores(restored: Snapshot) {
  const isRestore = (a: Snapshot['audit'][number]) => a.action === 'backup.restore';
  return {
    workspace: { ...restored, audit: restored.audit.filter((a) => !isRestore(a)) },
    restores: restored.audit.filter(isRestore),
  };
}

/** A mailbox with a password, a threaded message, a reply waiting in the queue and a binary attachment. */
async function seedChannel(database: Database, ticketId: string): Promise<void> {
  const channelId = await addEmailChannel(database.db, {
    name: 'Поддержка',
    address: 'support@pass24.test',
    secret: 'mailbox-secret',
    settings: {
      imapHost: 'imap.pass24.test',
      imapPort: 993,
      imapSecure: true,
      smtpHost: 'smtp.pass24.test',
      smtpPort: 465,
      smtpSecure: true,
      user: 'support@pass24.test',
      mailbox: 'INBOX',
      pollMs: 60_000,
    },
  });
  await database.db
    .updateTable('channels')
    .set({ cursor: JSON.stringify({ uidValidity: '7', lastUid: 42 }) })
    .execute();
  await database.db
    .insertInto('channel_messages')
    .values({
      message_id: '<m1@uk.test>',
      channel_id: channelId,
      ticket_id: ticketId,
      event_id: 'ev-1',
      direction: 'in',
      created_at: 1,
    })
    .execute();
  await database.db
    .insertInto('outbound_messages')
    .values({
      id: 'reply-1',
      channel_id: channelId,
      ticket_id: ticketId,
      kind: 'reply',
      to_address: 'client@uk.test',
      subject: 'Re: калитка',
      body: 'Ответ',
      from_name: 'Анна',
      message_id: '<reply-1@pass24.test>',
      in_reply_to: '<m1@uk.test>',
      references_list: '<m1@uk.test>',
      state: 'queued',
      attempts: 1,
      next_attempt_at: 5,
      last_error: 'timeout',
      created_at: 2,
      sent_at: null,
    })
    .execute();
  await database.db
    .insertInto('attachments')
    .values({
      id: 'att-1',
      ticket_id: ticketId,
      event_id: 'ev-1',
      filename: 'фото.jpg',
      content_type: 'image/jpeg',
      size: 4,
      content: Buffer.from([0, 1, 2, 255]),
      created_at: 3,
    })
    .execute();
}

describe('backup and restore between PGlite and PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-backup-'));
  let source: Database;
  let intakeKey: string;
  let passwords: Record<string, string>;
  let expected: Awaited<ReturnType<typeof snapshot>>;
  let intakeAnswer: { id: string; number: string };
  let demoId: string;
  let draftId: string;

  beforeAll(async () => {
    source = await openTestPglite();
    const seeded = await seedDemo(source, { now: Date.UTC(2026, 10, 20, 9, 0) });
    passwords = Object.fromEntries(seeded.accounts.map((a) => [a.login, a.password]));
    intakeKey = (await createApiKey(source.db, 'messenger')).key;
    const { app, url } = await startServerOn(source);
    const login = await new ApiClient(url, null).post<{ token: string; agent: { id: string } }>('/api/auth/login', {
      login: 'demo',
      password: passwords.demo,
    });
    const client = new ApiClient(url, login.body.token);
    // A draft in the signed-in agent's own name: the endpoint stores nothing else from an agent.
    demoId = login.body.agent.id;
    const doc = kbDoc({ status: 'draft', createdBy: demoId, editedBy: demoId });
    draftId = doc.id;
    expect(await client.push('kb', [fresh(doc)])).toMatchObject({ rejected: [] });
    const master = (await client.pullAll<KbArticle>('kb')).documents.find((d) => d.id === doc.id)!;
    await client.push<KbArticle>('kb', [update(master, { ...master, _deleted: true })]);
    const intake = await new ApiClient(url, null).post<{ id: string; number: string }>(
      '/api/intake/tickets',
      {
        channel: 'messenger',
        externalId: 'tg-42',
        subject: 'Не открывается калитка',
        description: '',
        contact: { name: 'Жилец' },
      },
      { 'x-api-key': intakeKey },
    );
    intakeAnswer = intake.body;
    await app.close();
    await seedChannel(source, intakeAnswer.id);
    await recordAudit(source.db, cliActor, { action: 'account.add', target: 'anna', detail: 'агент' }, 1);
    await recordAudit(source.db, { id: demoId, login: 'demo' }, { action: 'settings.change', target: 'timeZone' }, 2);
    expected = await snapshot(source);
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a JSON Lines file (gzip for .gz) ending with the counts', async () => {
    const file = join(dir, 'pglite.jsonl.gz');
    const counts = await writeBackup(source, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'pass24-desk-backup', version: 1, source: 'pglite' });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ type: 'end', counts });
    expect(counts.documents.tickets).toBe(expected.documents.filter((d) => d.collection === 'tickets').length);
    expect(expected.documents.some((d) => d.deleted)).toBe(true);
    expect(lines.join('\n')).not.toContain('"sessions"');
    expect(counts.channelRows).toEqual({
      channels: 1,
      channel_messages: 1,
      outbound_messages: 1,
      attachments: 1,
      channel_cursors: 1,
    });
    expect(counts.auditEntries).toBe(2);
    // The seeded articles' versions, and the draft's two states (written, then deleted) in its author's name.
    expect(counts.kbVersions).toBe(expected.kbVersions.length);
    expect(expected.kbVersions.filter((v) => v.article === draftId).map((v) => v.signedBy)).toEqual([demoId, demoId]);
  });

  it('restores PGlite → PostgreSQL → PGlite with every document, tombstone, counter, account and key', async () => {
    const pgUrl = await createPostgresDatabase('restore');
    const pgTarget = await openDatabase({ url: pgUrl });
    await restoreBackup(pgTarget, join(dir, 'pglite.jsonl.gz'), { withAccounts: true });
    const onPostgres = splitRestores(await snapshot(pgTarget));
    expect(onPostgres.workspace).toEqual(restoredFrom(expected));

    const back = join(dir, 'postgres.jsonl');
    await writeBackup(pgTarget, back);
    const pgliteTarget = await openTestPglite();
    await restoreBackup(pgliteTarget, back, { withAccounts: true });
    const onPglite = splitRestores(await snapshot(pgliteTarget));
    expect(onPglite.workspace).toEqual(restoredFrom(expected));
    // The first restore's entry travels in the second copy; the second restore adds its own.
    expect(onPglite.restores.map((a) => a.target)).toEqual([join(dir, 'pglite.jsonl.gz'), back]);
    expect(onPglite.restores[0]).toEqual(onPostgres.restores[0]);

    // The restored workspace works: old passwords sign in, intake stays idempotent, numbering continues.
    const { app, url } = await startServerOn(pgTarget);
    try {
      const login = await new ApiClient(url, null).post<{ token: string }>('/api/auth/login', {
        login: 'head',
        password: passwords.head,
      });
      expect(login.status).toBe(200);
      const intake = new ApiClient(url, null);
      const again = await intake.post(
        '/api/intake/tickets',
        { channel: 'messenger', externalId: 'tg-42', subject: 'x', description: '', contact: { name: 'Жилец' } },
        { 'x-api-key': intakeKey },
      );
      expect(again.body).toEqual({ ...intakeAnswer, created: false });
      const next = await intake.post<{ number: string }>(
        '/api/intake/tickets',
        { channel: 'messenger', externalId: 'tg-43', subject: 'Новое', description: '', contact: { name: 'Жилец' } },
        { 'x-api-key': intakeKey },
      );
      const counter = expected.counters.find((c) => c.year === Number(next.body.number.slice(0, 4)))!;
      expect(next.body.number).toBe(`${counter.year}-${String(counter.last_number + 1).padStart(6, '0')}`);
    } finally {
      await app.close();
      await pgTarget.close();
      await pgliteTarget.close();
    }
  });

  it('records each restore in the audit trail: by whom, when, from which file, with or without accounts', async () => {
    // With accounts: the first restore of the round trip above, as the PostgreSQL copy carries it.
    const lines = readFileSync(join(dir, 'postgres.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditLine);
    const carried = lines.filter((l) => l.type === 'auditEntry' && l.action === 'backup.restore');
    expect(carried).toEqual([
      expect.objectContaining({
        actor_login: 'cli',
        target: join(dir, 'pglite.jsonl.gz'),
        detail: expect.stringMatching(
          /^Документов: \d+; с учётными записями и ключами API \(--with-accounts\): учётных записей \d+, ключей API \d+\./,
        ),
      }),
    ]);

    // Without: a copy with no accounts (nothing but its header and end), named relative to the working folder.
    const emptyFile = join(dir, 'empty.jsonl');
    writeFileSync(
      emptyFile,
      `${JSON.stringify({ format: 'pass24-desk-backup', version: 1 })}\n${JSON.stringify({ type: 'end' })}\n`,
    );
    const target = await openTestPglite();
    try {
      const before = Date.now();
      await restoreBackup(target, relative(process.cwd(), emptyFile));
      const entries = await listAudit(target.db);
      expect(entries).toEqual([
        expect.objectContaining({
          actorLogin: 'cli',
          action: 'backup.restore',
          target: emptyFile,
          detail: expect.stringMatching(/^Документов: 0; без учётных записей и ключей API\./),
        }),
      ]);
      expect(entries[0]!.at).toBeGreaterThanOrEqual(before);
      expect(entries[0]!.at).toBeLessThanOrEqual(Date.now());
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a workspace that has data', async () => {
    await expect(restoreBackup(source, join(dir, 'pglite.jsonl.gz'))).rejects.toThrow(RestoreError);
  });

  it('refuses a truncated file and leaves the target empty', async () => {
    const text = readFileSync(join(dir, 'postgres.jsonl'), 'utf8').split('\n');
    const truncated = join(dir, 'truncated.jsonl');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)).join('\n'));
    const target = await openTestPglite();
    try {
      await expect(restoreBackup(target, truncated, { withAccounts: true })).rejects.toThrow(/обрезан/);
      expect(await target.db.selectFrom('documents').select('id').limit(1).execute()).toEqual([]);
      // A refused restore records nothing: its entry is written in the transaction that failed.
      expect(await listAudit(target.db)).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
