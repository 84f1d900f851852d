/**
 * The Telegram connector: a bot on grammY's Bot API client, long polling (getUpdates), the API's
 * address from the channel's settings. The polling loop is the connector's own rather than
 * grammY's `bot.start()`: the update offset moves on only once a batch is filed (bot.start()
 * confirms an update whose handler failed) and is kept with the channel, so a restart or another
 * instance taking the lease continues where this one stopped; filing is idempotent besides.
 * An update the desk keeps nothing of (a sticker, an unknown kind) is logged and passed over: one
 * odd update never stops the bot. The token is used only in calls to the Bot API; it is never
 * logged nor reported (errors are described from Telegram's answer, never from the request).
 */
import type { Kysely } from 'kysely';
import { Api, GrammyError, HttpError } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { chatAnswers, chatSubject, parseChatText, splitMessageText, statusAnswer } from '#shared/channels/messengerChat.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import {
  SendError,
  type ChannelConnector,
  type ConnectorHooks,
  type OutgoingMessage,
  type SendResult,
  type TelegramChannelConfig,
} from '../channelTypes.ts';
import { attachmentLimits, type Attachment, type InboundMessage } from '../inboundMessage.ts';
import { receiveMessages, startConversationAfresh } from '../receiveMessage.ts';
import { ticketsOfChat } from './chatTickets.ts';

const reconnect = { firstMs: 1000, maxMs: 60_000 } as const;

/** grammY on Node types its signals by the abort-controller shim; the platform's own works the same. */
type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;
const apiSignal = (signal: AbortSignal): ApiSignal => signal as unknown as ApiSignal;

/** A file of a message, before it is fetched. */
interface FileRef {
  fileId: string;
  filename: string;
  contentType: string;
  size: number | undefined;
}

/** The files of a message the desk keeps: the largest photo size, documents, voice, audio, video. */
function filesOf(message: Message): FileRef[] {
  const files: FileRef[] = [];
  const id = message.message_id;
  const photo = message.photo?.at(-1);
  if (photo) files.push({ fileId: photo.file_id, filename: `photo-${id}.jpg`, contentType: 'image/jpeg', size: photo.file_size });
  const d = message.document;
  if (d)
    files.push({
      fileId: d.file_id,
      filename: d.file_name || `file-${id}`,
      contentType: d.mime_type || 'application/octet-stream',
      size: d.file_size,
    });
  const v = message.voice;
  if (v)
    files.push({ fileId: v.file_id, filename: `voice-${id}.ogg`, contentType: v.mime_type || 'audio/ogg', size: v.file_size });
  const a = message.audio;
  if (a)
    files.push({
      fileId: a.file_id,
      filename: a.file_name || `audio-${id}`,
      contentType: a.mime_type || 'audio/mpeg',
      size: a.file_size,
    });
  const video = message.video;
  if (video)
    files.push({
      fileId: video.file_id,
      filename: video.file_name || `video-${id}.mp4`,
      contentType: video.mime_type || 'video/mp4',
      size: video.file_size,
    });
  return files;
}

/** What a message carries that the desk does not keep, for the log line. */
function carriedKind(message: Message): string {
  const kinds = ['sticker', 'animation', 'location', 'contact', 'poll', 'dice', 'venue', 'video_note', 'game'] as const;
  return kinds.find((k) => k in message) ?? 'empty';
}

/** A sentence for the admin from a Bot API or network error; never the token. */
function describeTelegramError(error: unknown): string {
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404) return 'Telegram не принял токен бота (401): проверьте токен.';
    if (error.error_code === 409)
      return 'У бота настроен вебхук или его читает другая программа (409): уберите вебхук или остановите её.';
    return `Bot API ответил ошибкой ${error.error_code}: ${error.description}`.slice(0, 300);
  }
  if (error instanceof HttpError) return 'Bot API не отвечает (сеть): переподключение.';
  return ((error as Error).message ?? String(error)).slice(0, 300);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export class TelegramConnector implements ChannelConnector {
  readonly config: TelegramChannelConfig;
  private readonly db: Kysely<DbSchema>;
  private readonly hooks: ConnectorHooks;
  private readonly log: ChannelLogger;
  private readonly api: Api;
  private readonly botId: string;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  /** Telegram asked to wait (429) until then: sends meanwhile are postponed without a call. */
  private pausedUntil = 0;

  constructor(config: TelegramChannelConfig, db: Kysely<DbSchema>, hooks: ConnectorHooks, log: ChannelLogger) {
    this.config = config;
    this.db = db;
    this.hooks = hooks;
    this.log = log;
    this.botId = config.address.replace(/^telegram:/, '');
    this.api = new Api(config.secret, { apiRoot: config.settings.apiRoot, timeoutSeconds: 120 });
  }

  /** Resolves once the first call to the Bot API is answered or has failed. */
  async start(): Promise<void> {
    this.hooks.onStatus('starting', '');
    let first!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (first = resolve));
    this.loop = this.run(first).finally(first);
    await firstAttempt;
  }

  private async run(firstAttempt: () => void): Promise<void> {
    const signal = this.abort.signal;
    let running = false;
    while (!this.stopped) {
      try {
        if (!running) {
          await this.api.getMe(apiSignal(signal));
          running = true;
          this.failures = 0;
          this.hooks.onStatus('running', '');
          firstAttempt();
        }
        const offset = await this.readOffset();
        const updates = await this.api.getUpdates(
          { offset, timeout: this.config.settings.pollTimeoutSeconds, limit: 100 },
          apiSignal(signal),
        );
        if (this.stopped) return;
        if (this.failures > 0) {
          this.failures = 0;
          this.hooks.onStatus('running', '');
        }
        if (updates.length === 0) continue;
        await this.takeUpdates(updates, signal);
        await this.saveOffset(updates.at(-1)!.update_id + 1);
      } catch (error) {
        if (this.stopped) return;
        firstAttempt();
        const detail = describeTelegramError(error);
        this.log.warn({ channel: this.config.id, reason: detail }, 'telegram channel: Bot API call failed');
        this.hooks.onStatus('failing', detail);
        if (error instanceof GrammyError && error.error_code === 401) running = false;
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const delay = retryAfter
          ? retryAfter * 1000
          : Math.min(reconnect.maxMs, reconnect.firstMs * 2 ** Math.min(this.failures, 10));
        this.failures++;
        await sleep(delay, signal);
      }
    }
  }

  private async readOffset(): Promise<number | undefined> {
    const row = await this.db.selectFrom('channels').select('cursor').where('id', '=', this.config.id).executeTakeFirst();
    const offset = (row?.cursor as { offset?: unknown } | undefined)?.offset;
    return typeof offset === 'number' ? offset : undefined;
  }

  private async saveOffset(offset: number): Promise<void> {
    await this.db
      .updateTable('channels')
      .set({ cursor: JSON.stringify({ offset }) })
      .where('id', '=', this.config.id)
      .execute();
  }

  /**
   * Files a batch of updates in order: the messages between two commands in one transaction
   * (receiveMessages), each command after what came before it. A failure to reach the database
   * throws, so the offset stays and the batch is taken again.
   */
  private async takeUpdates(updates: readonly Update[], signal: AbortSignal): Promise<void> {
    let pending: Array<{ update: number; message: InboundMessage }> = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const outcomes = await receiveMessages(
        this.db,
        batch.map((p) => p.message),
      );
      outcomes.forEach((outcome, i) => {
        const update = batch[i]!.update;
        if (outcome.ok) {
          const { result } = outcome;
          this.log.info(
            { channel: this.config.id, update, outcome: result.outcome, ticket: result.number ?? result.ticketId },
            'telegram channel: message filed',
          );
        } else {
          this.log.error(
            { channel: this.config.id, update, reason: outcome.error.message?.slice(0, 300) },
            'telegram channel: message could not be filed and is passed over',
          );
        }
      });
    };
    for (const update of updates) {
      const message = update.message;
      if (!message) {
        const kind = Object.keys(update).find((k) => k !== 'update_id') ?? 'empty';
        this.log.warn(
          { channel: this.config.id, update: update.update_id, kind },
          'telegram channel: update of a kind the desk does not take, passed over',
        );
        continue;
      }
      if (message.chat.type !== 'private') {
        this.log.warn(
          { channel: this.config.id, update: update.update_id, chatType: message.chat.type },
          'telegram channel: message outside a private chat passed over',
        );
        continue;
      }
      const chat = String(message.chat.id);
      const parsed = parseChatText(message.text ?? '');
      if (parsed.command === 'start' || parsed.command === 'help') {
        await flush();
        await this.answer(chat, chatAnswers.start, signal);
        continue;
      }
      if (parsed.command === 'status') {
        await flush();
        await this.answer(chat, statusAnswer(await ticketsOfChat(this.db, this.config.id, chat)), signal);
        continue;
      }
      if (parsed.command === 'new' && parsed.text === '') {
        await flush();
        await startConversationAfresh(this.db, { channelId: this.config.id, chat, messageId: this.messageIdOf(message) });
        await this.answer(chat, chatAnswers.newPrompt, signal);
        continue;
      }
      const text = parsed.command === 'new' ? parsed.text : (message.text ?? message.caption ?? '').trim();
      const files = filesOf(message);
      if (text === '' && files.length === 0) {
        this.log.warn(
          { channel: this.config.id, update: update.update_id, kind: carriedKind(message) },
          'telegram channel: message with nothing the desk keeps (no text, photo or file) passed over',
        );
        await this.answer(chat, chatAnswers.nothingKept, signal);
        continue;
      }
      if (parsed.command === 'new') await flush();
      const { attachments, refused } = await this.fetchFiles(files, update.update_id, signal);
      pending.push({
        update: update.update_id,
        message: {
          channelId: this.config.id,
          messageId: this.messageIdOf(message),
          inReplyTo: [],
          references: [],
          from: this.senderOf(message),
          subject: chatSubject(text, files.length > 0 ? 'Фото или файл из Telegram' : undefined),
          text,
          receivedAt: message.date * 1000,
          attachments,
          refusedAttachments: refused,
          raw: null,
          headers: {},
          bounce: null,
          conversation: { chat, fresh: parsed.command === 'new' },
        },
      });
      if (parsed.command === 'new') await flush();
    }
    await flush();
  }

  /** Unique across bots and chats; within a chat it ends in Telegram's increasing message number. */
  private messageIdOf(message: Message): string {
    return `tg:${this.botId}:${message.chat.id}:${message.message_id}`;
  }

  private senderOf(message: Message): InboundMessage['from'] {
    const user = message.from;
    if (!user) return null;
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return { address: user.username ? `@${user.username}` : `tg:${user.id}`, name };
  }

  /** Fetches the message's files within the limits of mail (one file, one message); the rest are refused by name. */
  private async fetchFiles(
    files: readonly FileRef[],
    update: number,
    signal: AbortSignal,
  ): Promise<{ attachments: Attachment[]; refused: Array<{ filename: string; size: number }> }> {
    const attachments: Attachment[] = [];
    const refused: Array<{ filename: string; size: number }> = [];
    let total = 0;
    for (const file of files) {
      const known = file.size ?? 0;
      if (known > attachmentLimits.file || total + known > attachmentLimits.message) {
        refused.push({ filename: file.filename, size: known });
        this.log.warn(
          { channel: this.config.id, update, size: known, limit: attachmentLimits.file },
          'telegram channel: file refused, larger than the limit',
        );
        continue;
      }
      try {
        const info = await this.api.getFile(file.fileId, apiSignal(signal));
        if (!info.file_path) throw new Error('Bot API не дал путь к файлу');
        const size = info.file_size ?? known;
        if (size > attachmentLimits.file || total + size > attachmentLimits.message) {
          refused.push({ filename: file.filename, size });
          continue;
        }
        const content = await this.download(info.file_path, signal);
        if (
          typeof content === 'number' ||
          content.length > attachmentLimits.file ||
          total + content.length > attachmentLimits.message
        ) {
          refused.push({ filename: file.filename, size: typeof content === 'number' ? content : content.length });
          continue;
        }
        total += content.length;
        attachments.push({ filename: file.filename, contentType: file.contentType, content });
      } catch (error) {
        if (this.stopped) throw error;
        refused.push({ filename: file.filename, size: known });
        this.log.warn(
          { channel: this.config.id, update, reason: describeTelegramError(error) },
          'telegram channel: file could not be fetched, the message is filed without it',
        );
      }
    }
    return { attachments, refused };
  }

  /**
   * The file's bytes from the Bot API's file address (it carries the token: never logged), or
   * its declared size when that is over the limit (then it is not read).
   */
  private async download(filePath: string, signal: AbortSignal): Promise<Buffer | number> {
    const url = `${this.config.settings.apiRoot}/file/bot${this.config.secret}/${filePath.split('/').map(encodeURIComponent).join('/')}`;
    const res = await fetch(url, { signal });
    if (!res.ok) throw new Error(`Bot API не отдал файл: HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > attachmentLimits.file) {
      await res.body?.cancel();
      return declared;
    }
    return Buffer.from(await res.arrayBuffer());
  }

  /**
   * The bot's own answer in the chat (/status, /start, a prompt): not a desk reply, so not queued;
   * a rate limit is waited out, other failures are logged.
   */
  private async answer(chat: string, text: string, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; attempt < 5 && !this.stopped; attempt++) {
      try {
        for (const part of splitMessageText(text)) await this.api.sendMessage(chat, part, undefined, apiSignal(signal));
        return;
      } catch (error) {
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        if (retryAfter === undefined) {
          this.log.warn({ channel: this.config.id, reason: describeTelegramError(error) }, 'telegram channel: answer not sent');
          return;
        }
        await sleep(retryAfter * 1000, signal);
      }
    }
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) throw new SendError(`Telegram просит подождать ${Math.ceil(wait / 1000)} с (429)`, false, wait);
    // The acknowledgement answers the client's message itself in the chat.
    const replyTo = /^tg:\d+:(-?\d+):(\d+)$/.exec(message.inReplyTo);
    const replyParameters =
      replyTo && replyTo[1] === message.to
        ? { reply_parameters: { message_id: Number(replyTo[2]), allow_sending_without_reply: true } }
        : undefined;
    try {
      const ids: number[] = [];
      const parts = splitMessageText(message.body);
      for (const [i, part] of parts.entries()) {
        const sent = await this.api.sendMessage(message.to, part, i === 0 ? replyParameters : undefined);
        ids.push(sent.message_id);
      }
      return { response: `Telegram принял сообщение ${ids.join(', ')}` };
    } catch (error) {
      if (error instanceof GrammyError) {
        const retryAfter = error.parameters.retry_after;
        if (error.error_code === 429 && retryAfter !== undefined) {
          this.pausedUntil = Date.now() + retryAfter * 1000;
          throw new SendError(`Telegram просит подождать ${retryAfter} с (429)`, false, retryAfter * 1000);
        }
        if (error.error_code === 403) {
          const blocked = /blocked by the user/i.test(error.description);
          throw new SendError(
            blocked
              ? `Клиент заблокировал бота в Telegram: ${error.description}`
              : `Telegram не даёт писать в этот чат: ${error.description}`,
            true,
          );
        }
        if (error.error_code === 400) throw new SendError(`Telegram отклонил сообщение: ${error.description}`, true);
      }
      throw new SendError(describeTelegramError(error), false);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop?.catch(() => {});
    this.hooks.onStatus('stopped', '');
  }
}
