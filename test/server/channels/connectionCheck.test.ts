/**
 * «Проверить подключение» in the admin's console against a real Dovecot and a real SMTP server:
 * the right password passes both, a wrong one is named without being echoed, a missing folder
 * is named; then the mailbox is added from the console and the connector runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminChannel, AuditEntry } from '#shared/adminProtocol.ts';
import { desk, eventually, startEmailWorld, type EmailWorld } from '../support/emailWorld.ts';

describe('checking and adding a mailbox from the console', () => {
  let world: EmailWorld;
  const form = (over: Record<string, unknown> = {}) => ({
    address: 'second@pass24.test',
    imapHost: world.dovecot.host,
    imapPort: world.dovecot.port,
    imapTls: false,
    smtpHost: '127.0.0.1',
    smtpPort: world.smtp.port,
    smtpTls: false,
    user: desk.address,
    password: desk.password,
    ...over,
  });

  beforeAll(async () => {
    world = await startEmailWorld('pglite');
  });
  afterAll(() => world.close());

  it('passes IMAP and SMTP with the right password', async () => {
    const res = await world.server.asAdmin.post('/api/admin/channels/check', form());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imap: null, smtp: null });
  });

  it('names a refused password without echoing it, and a folder that is not there', async () => {
    const wrong = await world.server.asAdmin.post<{ imap: string | null; smtp: string | null }>(
      '/api/admin/channels/check',
      form({ password: 'not-the-password-42' }),
    );
    expect(wrong.body.imap).toBe('Почтовый сервер не принял логин или пароль.');
    expect(wrong.body.smtp).toBe('Почтовый сервер не принял логин или пароль.');
    expect(wrong.text).not.toContain('not-the-password-42');
    const folder = await world.server.asAdmin.post<{ imap: string | null }>(
      '/api/admin/channels/check',
      form({ mailbox: 'Нет такой папки' }),
    );
    expect(folder.body.imap).toBe('Папки «Нет такой папки» на почтовом сервере нет.');
  });

  it('adds the mailbox: listed without its password, run by the connector, in the audit trail', async () => {
    await world.server.asAdmin.post(`/api/admin/channels/${world.channelId}/disable`, {});
    const added = await world.server.asAdmin.post<{ id: string }>('/api/admin/channels', form({ name: 'Вторая' }));
    expect(added.status).toBe(201);
    const running = await eventually(async () => {
      const list = await world.server.asAdmin.get<AdminChannel[]>('/api/admin/channels');
      const c = list.body.find((x) => x.id === added.body.id);
      return c?.status === 'running' ? list : null;
    }, 'the new channel running');
    expect(running.text).not.toContain(desk.password);
    const trail = await world.server.asAdmin.get<AuditEntry[]>('/api/admin/audit');
    expect(trail.body[0]).toMatchObject({ action: 'channel.add', target: 'second@pass24.test' });
    expect(trail.text).not.toContain(desk.password);

    const again = await world.server.asAdmin.post<{ error: { message: string } }>('/api/admin/channels', form());
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Канал с адресом second@pass24.test уже есть.');
  });
});
