/**
 * The admin's console: /api/admin/* (docs/admin.md). Accounts, intake API keys, channel
 * connectors and the audit trail, for the role `admin` only: an agent or a head gets 403. The
 * actions are those of the command line (server/admin/adminActions.ts), recorded in the trail.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  AccountWithPassword,
  AdminAccount,
  AdminApiKey,
  AdminChannel,
  AuditEntry,
  NewApiKeyResponse,
} from '#shared/adminProtocol.ts';
import { intakeChannels } from '#shared/protocol.ts';
import { roles, type Role } from '#shared/vocabulary/enums.ts';
import { AccountError } from '../auth/accounts.ts';
import { isIntakeChannel } from '../auth/apiKeys.ts';
import { ChannelInputError, emailChannelInput } from '../admin/emailChannelInput.ts';
import { checkEmailConnection, type ConnectionCheck } from '../channels/email/connectionCheck.ts';
import type { NewEmailChannel } from '../channels/channelStore.ts';
import {
  addAccount,
  addApiKey,
  addChannel,
  changeRole,
  listAccounts,
  listApiKeys,
  listChannels,
  resetPassword,
  revokeKey,
  setAccountEnabled,
  setChannelOn,
} from '../admin/adminActions.ts';
import { listAudit, type AuditActor } from '../admin/auditLog.ts';
import { agentOf } from '../http/authenticate.ts';
import { HttpError, badRequest } from '../http/httpError.ts';
import { bodyLimits, type RouteContext } from './routeContext.ts';

type Body = Record<string, unknown>;

function adminOf(request: FastifyRequest): AuditActor {
  const agent = agentOf(request);
  if (agent.role !== 'admin') {
    throw new HttpError(403, 'forbidden_role', `Консоль администратора доступна только роли admin; ваша роль: ${agent.role}.`);
  }
  return { id: agent.id, login: agent.login };
}

function bodyOf(request: FastifyRequest): Body {
  const b = request.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw badRequest('invalid_request', 'Нужен JSON-объект.');
  return b as Body;
}

function text(body: Body, field: string, optional = false): string | undefined {
  const v = body[field];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v.length > 1000) throw badRequest('invalid_request', `Поле ${field}: строка до 1000 символов.`);
  return v;
}

function role(body: Body): Role {
  const r = text(body, 'role')!;
  if (!(roles as readonly string[]).includes(r)) throw badRequest('invalid_request', `Роль: одна из ${roles.join(', ')}.`);
  return r as Role;
}

/** The account rules' refusals (a taken login, a short password, one's own account) are 400 with their sentence. */
async function accountAction<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccountError) {
      const missing = /не найден/.test(error.message);
      throw new HttpError(missing ? 404 : 400, missing ? 'not_found' : 'invalid_account', error.message);
    }
    throw error;
  }
}

function optionalNumber(body: Body, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'number') throw badRequest('invalid_request', `Поле ${field}: число.`);
  return v;
}

function channelInput(body: Body): NewEmailChannel {
  try {
    return emailChannelInput({
      name: text(body, 'name', true),
      address: text(body, 'address')!,
      imapHost: text(body, 'imapHost')!,
      imapPort: optionalNumber(body, 'imapPort'),
      imapTls: body.imapTls === true,
      smtpHost: text(body, 'smtpHost')!,
      smtpPort: optionalNumber(body, 'smtpPort'),
      smtpTls: body.smtpTls === true,
      user: text(body, 'user')!,
      mailbox: text(body, 'mailbox', true),
      secret: text(body, 'password')!,
    });
  } catch (error) {
    if (error instanceof ChannelInputError) throw badRequest('invalid_channel', error.message);
    throw error;
  }
}

async function channelAction<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ChannelInputError) throw badRequest('invalid_channel', error.message);
    throw error;
  }
}

const param = (request: FastifyRequest, name: string): string => (request.params as Record<string, string>)[name] ?? '';

export function adminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const opts = { onRequest: ctx.authenticate, bodyLimit: bodyLimits.small };

  app.get('/api/admin/accounts', opts, async (request): Promise<AdminAccount[]> => {
    adminOf(request);
    return listAccounts(db);
  });

  app.post('/api/admin/accounts', opts, async (request, reply) => {
    const actor = adminOf(request);
    const body = bodyOf(request);
    const input = { login: text(body, 'login')!, name: text(body, 'name')!, role: role(body) };
    const password = text(body, 'password', true);
    const created = await accountAction(() => addAccount(db, actor, { ...input, ...(password ? { password } : {}) }));
    const answer: AccountWithPassword = { account: created.account, password: created.password };
    return reply.status(201).send(answer);
  });

  app.post('/api/admin/accounts/:login/:action', opts, async (request): Promise<AdminAccount | { password: string }> => {
    const actor = adminOf(request);
    const login = param(request, 'login');
    const action = param(request, 'action');
    if (action === 'disable' || action === 'enable') {
      return accountAction(() => setAccountEnabled(db, actor, login, action === 'enable'));
    }
    if (action === 'password') {
      const given = text(bodyOf(request), 'password', true);
      const { password } = await accountAction(() => resetPassword(db, actor, login, given));
      return { password };
    }
    if (action === 'role') {
      const next = role(bodyOf(request));
      return accountAction(() => changeRole(db, actor, login, next));
    }
    throw new HttpError(404, 'not_found', 'Действия с учётной записью: disable, enable, password, role.');
  });

  app.get('/api/admin/api-keys', opts, async (request): Promise<AdminApiKey[]> => {
    adminOf(request);
    return listApiKeys(db);
  });

  app.post('/api/admin/api-keys', opts, async (request, reply) => {
    const actor = adminOf(request);
    const channel = text(bodyOf(request), 'channel')!;
    if (!isIntakeChannel(channel)) throw badRequest('invalid_request', `Канал: один из ${intakeChannels.join(', ')}.`);
    const { id, key } = await addApiKey(db, actor, channel);
    const answer: NewApiKeyResponse = { id, channel, key };
    return reply.status(201).send(answer);
  });

  app.post('/api/admin/api-keys/:id/revoke', opts, async (request) => {
    const actor = adminOf(request);
    if (!(await revokeKey(db, actor, param(request, 'id')))) {
      throw new HttpError(404, 'not_found', 'Действующего ключа API с таким id нет.');
    }
    return { ok: true };
  });

  app.get('/api/admin/channels', opts, async (request): Promise<AdminChannel[]> => {
    adminOf(request);
    const channels = await listChannels(db);
    // The live state (which instance runs it, its last error) when this instance runs connectors.
    const live = new Map((await ctx.channels?.statuses())?.map((s) => [s.id, s]) ?? []);
    return channels.map((c) => {
      const s = live.get(c.id);
      return s ? { ...c, status: c.enabled ? s.state : 'disabled', detail: s.detail } : c;
    });
  });

  // A mailbox: its password arrives here once, goes to the `channels` table and is never sent back.
  app.post('/api/admin/channels', opts, async (request, reply) => {
    const actor = adminOf(request);
    const input = channelInput(bodyOf(request));
    const id = await channelAction(() => addChannel(db, actor, input));
    await ctx.channels?.refresh();
    return reply.status(201).send({ id });
  });

  app.post('/api/admin/channels/check', opts, async (request): Promise<ConnectionCheck> => {
    adminOf(request);
    const input = channelInput(bodyOf(request));
    return checkEmailConnection(input.settings, input.secret);
  });

  app.post('/api/admin/channels/:id/:action', opts, async (request) => {
    const actor = adminOf(request);
    const action = param(request, 'action');
    if (action !== 'enable' && action !== 'disable') {
      throw new HttpError(404, 'not_found', 'Действия с каналом: enable или disable.');
    }
    const done = await setChannelOn(db, actor, param(request, 'id'), action === 'enable');
    if (!done) throw new HttpError(404, 'not_found', 'Такого канала нет.');
    await ctx.channels?.refresh();
    return { ok: true, warning: done.warning };
  });

  app.get('/api/admin/audit', opts, async (request): Promise<AuditEntry[]> => {
    adminOf(request);
    return listAudit(db);
  });
}
