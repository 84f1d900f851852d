/**
 * Files a bot's updates, whichever way they came (long polling or the webhook): a message becomes
 * a ticket or joins the chat's ticket (receiveMessages), /start, /help, /status and /new are
 * answered in the chat, photos, documents and voice messages are fetched as attachments within the
 * limits of mail. An update the desk keeps nothing of (a sticker, an unknown kind) is logged and
 * passed over: one odd update never stops the bot. Throws only when the database cannot be
 * reached, so the caller confirms an update to Telegram only once it is filed.
 */
import type { Kysely } from 'kysely';
import { GrammyError, type Api } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { chatAnswers, chatSubject, parseChatText, splitMessageText, statusAnswer } from '#shared/channels/messengerChat.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import type { TelegramChannelConfig } from '../channelTypes.ts';
import { attachmentLimits, type Attachment, type InboundMessage } from '../inboundMessage.ts';
import { receiveMessages, startConversationAfresh } from '../receiveMessage.ts';
import { apiSignal, describeTelegramError, sleep } from './botApi.ts';
import { ticketsOfChat } from './chatTickets.ts';

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

export class TelegramUpdates {
  private readonly config: TelegramChannelConfig;
  private readonly db: Kysely<DbSchema>;
  private readonly api: Api;
  private readonly log: ChannelLogger;
  private readonly botId: string;
  /** True once the owner stops: a failed download then ends the batch rather than filing without the file. */
  private readonly stopped: () => boolean;

  constructor(
    config: TelegramChannelConfig,
    db: Kysely<DbSchema>,
    api: Api,
    log: ChannelLogger,
    stopped: () => boolean = () => false,
  ) {
    this.config = config;
    this.db = db;
    this.api = api;
    this.log = log;
    this.botId = config.address.replace(/^telegram:/, '');
    this.stopped = stopped;
  }

  /**
   * Files a batch of updates in order: the messages between two commands in one transaction
   * (receiveMessages), each command after what came before it. A failure to reach the database
   * throws, so the batch is taken again.
   */
  async take(updates: readonly Update[], signal: AbortSignal): Promise<void> {
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
          { channel: this.config.id, update, file: file.filename, size: known, limit: attachmentLimits.file },
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
        if (this.stopped()) throw error;
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
    for (let attempt = 0; attempt < 5 && !this.stopped(); attempt++) {
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
}
