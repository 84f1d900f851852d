/**
 * The admin's console on the endpoint: only an admin may manage accounts, keys and connectors
 * (an agent and a head get 403 and change nothing), the rules are the command line's, and every
 * change, the head's settings too, lands in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountWithPassword,
  AdminAccount,
  AdminApiKey,
  AdminChannel,
  AuditEntry,
  NewApiKeyResponse,
} from '#shared/adminProtocol.ts';
import type { ConfigDoc } from '#shared/schema/index.ts';
import type { IntakeTicketRequest, LoginResponse } from '#shared/protocol.ts';
import { addEmailChannel } from '../../server/channels/channelStore.ts';
import { freePort } from '../support/serverProcess.ts';
import { ApiClient } from './support/apiClient.ts';
import { configDoc, fresh } from './support/documents.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const intake = (externalId: string): IntakeTicketRequest => ({
  channel: 'web',
  externalId,
  subject: 'Не открывается калитка',
  description: 'Калитка не открывается по ключу.',
  contact: { name: 'Охрана', phone: '+7 900 000-00-01' },
  priority: 'standard',
});

describe.each(backends)('admin console on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { channels: false });
  });
  afterAll(() => server.close());

  const signIn = (login: string, password: string) =>
    server.anonymous.post<LoginResponse>('/api/auth/login', { login, password });

  it.each([
    ['GET', '/api/admin/accounts', undefined],
    ['POST', '/api/admin/accounts', { login: 'intruder', name: 'Чужой', role: 'admin', password: 'password-123' }],
    ['POST', '/api/admin/accounts/intruder/disable', {}],
    ['POST', '/api/admin/accounts/intruder/password', {}],
    ['GET', '/api/admin/api-keys', undefined],
    ['POST', '/api/admin/api-keys', { channel: 'web' }],
    ['POST', '/api/admin/api-keys/x/revoke', {}],
    ['GET', '/api/admin/channels', undefined],
    ['POST', '/api/admin/channels/x/disable', {}],
    ['POST', '/api/admin/channels', { address: 'x@example.ru' }],
    ['POST', '/api/admin/channels/check', { address: 'x@example.ru' }],
    ['GET', '/api/admin/audit', undefined],
  ])('refuses %s %s to an agent and to a head with 403, and to nobody signed in with 401', async (method, path, body) => {
    for (const client of [server.asAgent, server.asHead]) {
      const res = await client.request<{ error: { code: string; message: string } }>(method, path, body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/только роли admin/);
    }
    expect((await server.anonymous.request(method, path, body)).status).toBe(401);
    const accounts = await server.asAdmin.get<AdminAccount[]>('/api/admin/accounts');
    expect(accounts.body.map((a) => a.login)).not.toContain('intruder');
  });

  it('adds an agent who can sign in at once, and generates the password when none is given', async () => {
    const res = await server.asAdmin.post<AccountWithPassword>('/api/admin/accounts', {
      login: 'Ivanova',
      name: 'Иванова Мария',
      role: 'agent',
    });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ login: 'ivanova', name: 'Иванова Мария', role: 'agent', active: true });
    expect(res.body.password.length).toBeGreaterThanOrEqual(8);
    const login = await signIn('ivanova', res.body.password);
    expect(login.status).toBe(200);
    expect(login.body.agent.role).toBe('agent');
  });

  it('refuses a taken login and a short password with the Russian sentence of the command line', async () => {
    const taken = await server.asAdmin.post<{ error: { message: string } }>('/api/admin/accounts', {
      login: 'ivanova',
      name: 'Другая',
      role: 'agent',
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toBe('Пользователь с логином «ivanova» уже есть.');
    const short = await server.asAdmin.post<{ error: { message: string } }>('/api/admin/accounts', {
      login: 'petrov',
      name: 'Петров',
      role: 'agent',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe('Пароль: не короче 8 символов.');
  });

  it('disables an account (its sign-in and sessions end), enables it, resets its password and changes its role', async () => {
    await server.asAdmin.post('/api/admin/accounts', {
      login: 'sidorov',
      name: 'Сидоров',
      role: 'agent',
      password: 'first-pass-1',
    });
    const session = await signIn('sidorov', 'first-pass-1');
    const asSidorov = new ApiClient(server.url, session.body.token);
    expect((await asSidorov.get('/api/auth/me')).status).toBe(200);

    expect((await server.asAdmin.post<AdminAccount>('/api/admin/accounts/sidorov/disable', {})).body.active).toBe(false);
    expect((await asSidorov.get('/api/auth/me')).status).toBe(401);
    expect((await signIn('sidorov', 'first-pass-1')).status).toBe(401);

    expect((await server.asAdmin.post<AdminAccount>('/api/admin/accounts/sidorov/enable', {})).body.active).toBe(true);
    const reset = await server.asAdmin.post<{ password: string }>('/api/admin/accounts/sidorov/password', {});
    expect((await signIn('sidorov', 'first-pass-1')).status).toBe(401);
    expect((await signIn('sidorov', reset.body.password)).status).toBe(200);

    const promoted = await server.asAdmin.post<AdminAccount>('/api/admin/accounts/sidorov/role', { role: 'head' });
    expect(promoted.body.role).toBe('head');
    expect((await signIn('sidorov', reset.body.password)).body.agent.role).toBe('head');
  });

  it("refuses to disable or demote the admin's own account", async () => {
    const self = await server.asAdmin.post<{ error: { message: string } }>(
      `/api/admin/accounts/${server.admin.login}/disable`,
      {},
    );
    expect(self.status).toBe(400);
    expect(self.body.error.message).toBe('Нельзя отключить собственную учётную запись.');
    const demote = await server.asAdmin.post(`/api/admin/accounts/${server.admin.login}/role`, { role: 'agent' });
    expect(demote.status).toBe(400);
    expect((await server.asAdmin.get('/api/auth/me')).status).toBe(200);
  });

  it('answers 404 for an unknown account', async () => {
    const res = await server.asAdmin.post<{ error: { message: string } }>('/api/admin/accounts/nobody/enable', {});
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Пользователь «nobody» не найден.');
  });

  it('creates an intake key shown once, lists it without the key, and a revoked key gets 401', async () => {
    const created = await server.asAdmin.post<NewApiKeyResponse>('/api/admin/api-keys', { channel: 'web' });
    expect(created.status).toBe(201);
    const headers = { 'x-api-key': created.body.key };
    expect((await server.anonymous.post('/api/intake/tickets', intake('adm-1'), headers)).status).toBe(201);

    const listed = await server.asAdmin.get<AdminApiKey[]>('/api/admin/api-keys');
    expect(listed.body.find((k) => k.id === created.body.id)).toEqual({
      id: created.body.id,
      channel: 'web',
      createdAt: expect.any(Number),
      revokedAt: null,
    });
    expect(listed.text).not.toContain(created.body.key);

    expect((await server.asAdmin.post(`/api/admin/api-keys/${created.body.id}/revoke`, {})).status).toBe(200);
    expect((await server.anonymous.post('/api/intake/tickets', intake('adm-2'), headers)).status).toBe(401);
    expect((await server.asAdmin.post(`/api/admin/api-keys/${created.body.id}/revoke`, {})).status).toBe(404);
    const bad = await server.asAdmin.post<{ error: { message: string } }>('/api/admin/api-keys', { channel: 'fax' });
    expect(bad.status).toBe(400);
  });

  it('lists connectors without their secret and disables and enables one', async () => {
    await addEmailChannel(server.database.db, {
      name: 'Поддержка',
      address: 'support@example.ru',
      secret: 'mailbox-secret-1',
      settings: {
        imapHost: 'imap.example.ru',
        imapPort: 993,
        imapSecure: true,
        smtpHost: 'smtp.example.ru',
        smtpPort: 465,
        smtpSecure: true,
        user: 'support',
        mailbox: 'INBOX',
        pollMs: 60_000,
      },
    });
    const listed = await server.asAdmin.get<AdminChannel[]>('/api/admin/channels');
    const channel = listed.body.find((c) => c.address === 'support@example.ru')!;
    expect(channel).toMatchObject({ enabled: true, imap: 'imap.example.ru:993 (TLS)', user: 'support' });
    expect(listed.text).not.toContain('mailbox-secret-1');

    expect((await server.asAdmin.post(`/api/admin/channels/${channel.id}/disable`, {})).status).toBe(200);
    const after = await server.asAdmin.get<AdminChannel[]>('/api/admin/channels');
    expect(after.body.find((c) => c.id === channel.id)).toMatchObject({ enabled: false, status: 'disabled' });
    expect((await server.asAdmin.post(`/api/admin/channels/${channel.id}/enable`, {})).status).toBe(200);
    expect((await server.asAdmin.post('/api/admin/channels/nope/enable', {})).status).toBe(404);
  });

  it('refuses a mailbox with a bad address or port in Russian, and says when its servers refuse the connection', async () => {
    const closed = await freePort();
    const base = {
      address: 'desk@example.ru',
      imapHost: '127.0.0.1',
      imapPort: closed,
      smtpHost: '127.0.0.1',
      smtpPort: closed,
      user: 'desk',
      password: 'mailbox-secret-2',
    };
    const badAddress = await server.asAdmin.post<{ error: { message: string } }>('/api/admin/channels', {
      ...base,
      address: 'не адрес',
    });
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.error.message).toBe('Адрес «не адрес» не похож на адрес почты.');
    const badPort = await server.asAdmin.post<{ error: { message: string } }>('/api/admin/channels', {
      ...base,
      imapPort: 70000,
    });
    expect(badPort.body.error.message).toBe('Порт IMAP: от 1 до 65535.');
    const check = await server.asAdmin.post('/api/admin/channels/check', base);
    expect(check.body).toEqual({
      imap: 'Почтовый сервер не отвечает: соединение отклонено.',
      smtp: 'Почтовый сервер не отвечает: соединение отклонено.',
    });
    const listed = await server.asAdmin.get<AdminChannel[]>('/api/admin/channels');
    expect(listed.body.map((c) => c.address)).not.toContain('desk@example.ru');
  });

  it("records every admin action and the head's settings in the audit trail, newest first, never a secret", async () => {
    const doc = configDoc({
      id: 'workspace',
      value: { workingSetDays: 14, emailAcknowledgement: false },
      editedAt: Date.now(),
      editedBy: server.head.id,
    });
    const pushed = await server.asHead.push<ConfigDoc>('config', [fresh(doc)]);
    expect(pushed.rejected).toEqual([]);

    const trail = await server.asAdmin.get<AuditEntry[]>('/api/admin/audit');
    expect(trail.body[0]).toMatchObject({
      actorLogin: server.head.login,
      action: 'settings.change',
      target: 'workspace',
      detail: 'Рабочее пространство: рабочий набор 14 дн., подтверждение по почте выключено',
    });
    const actions = trail.body.map((e) => `${e.action} ${e.target}`);
    for (const expected of [
      'account.add ivanova',
      'account.disable sidorov',
      'account.enable sidorov',
      'account.password sidorov',
      'account.role sidorov',
      'apikey.add',
      'apikey.revoke',
      'channel.disable support@example.ru',
      'channel.enable support@example.ru',
    ]) {
      expect(actions.some((a) => a.startsWith(expected))).toBe(true);
    }
    expect(trail.body.filter((e) => e.action !== 'settings.change').every((e) => e.actorLogin === server.admin.login)).toBe(true);
    expect(trail.body.map((e) => e.at)).toEqual([...trail.body.map((e) => e.at)].sort((a, b) => b - a));
    expect(trail.text).not.toContain('mailbox-secret-1');
    expect(trail.text).not.toMatch(/first-pass-1/);
  });
});
