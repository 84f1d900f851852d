/**
 * A local stand-in for the Telegram Bot API, speaking its documented HTTP protocol: methods at
 * `/bot<token>/<method>` answering `{ok, result}` or `{ok: false, error_code, description,
 * parameters}`, files at `/file/bot<token>/<path>`, long polling getUpdates with offsets that
 * confirm updates. The test plays the clients (updates it adds) and reads what the bot sent.
 * It can answer as Telegram does when a client blocked the bot (403) or when the bot sends too
 * fast (429 with retry_after). With a webhook set (setWebhook) it posts each update to the
 * webhook's address as Telegram does: one at a time, in order, with the secret in
 * X-Telegram-Bot-Api-Secret-Token, the same update again until the endpoint answers 2xx; and
 * getUpdates then answers 409 as Telegram does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  chat_id: string;
  text: string;
  reply_to: number | null;
  at: number;
}

interface StoredFile {
  path: string;
  content: Buffer;
  /** What getFile and the message claim (a large file need not be stored to be claimed). */
  size: number;
}

export interface BotApiStandIn {
  apiRoot: string;
  token: string;
  botId: number;
  /** Every method called, in order (with the token it was called with). */
  calls: Array<{ method: string; token: string }>;
  sent: SentMessage[];
  /** Adds an update of any shape; returns its update_id. */
  addUpdate(body: Record<string, unknown>): number;
  /** A client's message in a private chat; `extra` adds fields (photo, document, sticker…). */
  clientMessage(chatId: number, text: string | null, extra?: Record<string, unknown>): number;
  /** A file the Bot API holds, for getFile; returns its file_id. */
  addFile(content: Buffer, name: string, claimedSize?: number): string;
  /** The client blocked the bot: sendMessage to the chat answers 403. */
  block(chatId: number): void;
  /** The next `times` sendMessage calls answer 429 with this retry_after. */
  throttle(times: number, retryAfterSeconds: number): void;
  /** Updates not yet confirmed by an offset or by the webhook's 2xx. */
  unconfirmed(): number;
  /** The webhook set by the bot, or null (long polling). */
  webhook(): { url: string; secretToken: string; maxConnections: number } | null;
  /** Every post to the webhook and the endpoint's answer (0: no answer). */
  posts: Array<{ updateId: number; status: number }>;
  /** Posts a body to the webhook's address with this secret, as a caller other than Telegram could. */
  postToWebhook(body: Record<string, unknown>, secretToken: string | null): Promise<number>;
  close(): Promise<void>;
}

const user = (chatId: number) => ({
  id: chatId,
  is_bot: false,
  first_name: 'Иван',
  last_name: 'Петров',
  username: `client${chatId}`,
  language_code: 'ru',
});

export async function startBotApiStandIn(botId = 7_000_000_001): Promise<BotApiStandIn> {
  const token = `${botId}:AAStandInSecretPart0123456789abcdefXYZ`;
  const updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  const files = new Map<string, StoredFile>();
  const blocked = new Set<string>();
  const calls: BotApiStandIn['calls'] = [];
  const sent: SentMessage[] = [];
  let nextUpdate = 1;
  let nextMessage = 1;
  let nextFile = 1;
  let throttled = { times: 0, retryAfter: 0 };
  let webhook: { url: string; secretToken: string; maxConnections: number } | null = null;
  let lastWebhookError: { date: number; message: string } | null = null;
  const posts: BotApiStandIn['posts'] = [];
  let delivering = false;
  let closed = false;
  const post = async (url: string, body: unknown, secretToken: string | null): Promise<number> => {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secretToken === null ? {} : { 'x-telegram-bot-api-secret-token': secretToken }),
        },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  };
  /** Telegram's webhook delivery: the oldest update first, again after a pause until it is taken. */
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      while (!closed && webhook && updates.length > 0) {
        const update = updates[0]!;
        const status = await post(webhook.url, update, webhook.secretToken);
        posts.push({ updateId: update.update_id, status });
        if (status >= 200 && status < 300) {
          if (updates[0] === update) updates.shift();
        } else {
          lastWebhookError = {
            date: Math.floor(Date.now() / 1000),
            message: status ? `Wrong response from the webhook: ${status}` : 'Connection refused',
          };
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    } finally {
      delivering = false;
    }
  };
  let waiters: Array<() => void> = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, code: number, description: string, parameters?: Record<string, unknown>) =>
    reply(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });

  async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const fromQuery = Object.fromEntries(url.searchParams);
    if (!raw) return fromQuery;
    return { ...fromQuery, ...(JSON.parse(raw) as Record<string, unknown>) };
  }

  async function getUpdates(res: ServerResponse, params: Record<string, unknown>) {
    const offset = Number(params.offset ?? 0);
    if (offset > 0) {
      while (updates.length > 0 && updates[0]!.update_id < offset) updates.shift();
    }
    const limit = Number(params.limit ?? 100);
    const timeout = Number(params.timeout ?? 0);
    if (updates.length === 0 && timeout > 0) {
      let closed = false;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        // The bot gave up the call (stopped): nothing is answered to it.
        res.once('close', () => {
          if (!res.writableEnded) closed = true;
          done();
        });
        waiters.push(done);
      });
      if (closed) return;
    }
    reply(res, 200, { ok: true, result: updates.slice(0, limit) });
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
      if (file) {
        if (file[1] !== token) return fail(res, 401, 'Unauthorized');
        const stored = [...files.values()].find((f) => f.path === decodeURIComponent(file[2]!));
        if (!stored) return fail(res, 404, 'Not Found');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': stored.content.length });
        res.end(stored.content);
        return;
      }
      const call = /^\/bot([^/]+)\/(\w+)$/.exec(path);
      if (!call) return fail(res, 404, 'Not Found');
      const [, given, method] = call;
      calls.push({ method: method!, token: given! });
      if (given !== token) return fail(res, 401, 'Unauthorized');
      const params = await bodyOf(req);
      switch (method) {
        case 'getMe':
          return reply(res, 200, {
            ok: true,
            result: { id: botId, is_bot: true, first_name: 'PASS24 Поддержка', username: 'pass24_desk_bot' },
          });
        case 'getUpdates':
          if (webhook)
            return fail(
              res,
              409,
              "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            );
          return getUpdates(res, params);
        case 'setWebhook': {
          const url = String(params.url ?? '');
          if (url === '') {
            webhook = null;
            return reply(res, 200, { ok: true, result: true, description: 'Webhook was deleted' });
          }
          if (!URL.canParse(url)) return fail(res, 400, 'Bad Request: bad webhook: invalid URL');
          const secretToken = String(params.secret_token ?? '');
          if (secretToken && !/^[\w-]{1,256}$/.test(secretToken))
            return fail(res, 400, 'Bad Request: bad webhook: secret token contains unallowed characters');
          webhook = { url, secretToken, maxConnections: Number(params.max_connections ?? 40) };
          void deliver();
          return reply(res, 200, { ok: true, result: true, description: 'Webhook was set' });
        }
        case 'deleteWebhook':
          webhook = null;
          return reply(res, 200, { ok: true, result: true, description: 'Webhook was deleted' });
        case 'getWebhookInfo':
          return reply(res, 200, {
            ok: true,
            result: {
              url: webhook?.url ?? '',
              has_custom_certificate: false,
              pending_update_count: updates.length,
              ...(webhook ? { max_connections: webhook.maxConnections } : {}),
              ...(webhook && lastWebhookError
                ? { last_error_date: lastWebhookError.date, last_error_message: lastWebhookError.message }
                : {}),
            },
          });
        case 'sendMessage': {
          const chat = String(params.chat_id);
          if (blocked.has(chat)) return fail(res, 403, 'Forbidden: bot was blocked by the user');
          if (throttled.times > 0) {
            throttled.times--;
            return fail(res, 429, `Too Many Requests: retry after ${throttled.retryAfter}`, {
              retry_after: throttled.retryAfter,
            });
          }
          const text = String(params.text ?? '');
          if (text.length === 0) return fail(res, 400, 'Bad Request: message text is empty');
          if (text.length > 4096) return fail(res, 400, 'Bad Request: message is too long');
          const replyTo = (params.reply_parameters as { message_id?: number } | undefined)?.message_id ?? null;
          sent.push({ chat_id: chat, text, reply_to: replyTo, at: Date.now() });
          return reply(res, 200, {
            ok: true,
            result: {
              message_id: nextMessage++,
              date: Math.floor(Date.now() / 1000),
              chat: { id: Number(chat), type: 'private' },
              text,
            },
          });
        }
        case 'getFile': {
          const stored = files.get(String(params.file_id));
          if (!stored) return fail(res, 400, 'Bad Request: invalid file_id');
          if (stored.size > 20 * 1024 * 1024) return fail(res, 400, 'Bad Request: file is too big');
          return reply(res, 200, {
            ok: true,
            result: {
              file_id: params.file_id,
              file_unique_id: `u${String(params.file_id)}`,
              file_size: stored.size,
              file_path: stored.path,
            },
          });
        }
        default:
          return fail(res, 404, 'Not Found: method not found');
      }
    })().catch((error: unknown) => fail(res, 500, `Internal Server Error: ${(error as Error).message}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const addUpdate = (body: Record<string, unknown>) => {
    const update_id = nextUpdate++;
    updates.push({ update_id, ...body });
    wake();
    void deliver();
    return update_id;
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botId,
    calls,
    sent,
    addUpdate,
    clientMessage(chatId, text, extra = {}) {
      return addUpdate({
        message: {
          message_id: nextMessage++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: 'Иван', last_name: 'Петров', username: `client${chatId}` },
          from: user(chatId),
          ...(text === null ? {} : { text }),
          ...extra,
        },
      });
    },
    addFile(content, name, claimedSize) {
      const id = `file${nextFile++}`;
      files.set(id, { path: `documents/${name}`, content, size: claimedSize ?? content.length });
      return id;
    },
    block(chatId) {
      blocked.add(String(chatId));
    },
    throttle(times, retryAfterSeconds) {
      throttled = { times, retryAfter: retryAfterSeconds };
    },
    unconfirmed: () => updates.length,
    webhook: () => webhook,
    posts,
    async postToWebhook(body, secretToken) {
      if (!webhook) throw new Error('no webhook set');
      return post(webhook.url, { update_id: nextUpdate++, ...body }, secretToken);
    },
    async close() {
      closed = true;
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
