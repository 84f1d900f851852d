/**
 * What a client writes to the desk's bot, read the same way by every messenger connector: the
 * commands (/new, /status, /start), the subject a chat message gives a new ticket, and the
 * bot's own answers in Russian, the clients' language.
 */
import type { TicketStatus } from '../vocabulary/enums.ts';

export type ChatCommand = 'new' | 'status' | 'start' | 'help';

export interface ParsedChatText {
  command: ChatCommand | null;
  /** The text after the command (all of it when there is none). */
  text: string;
}

const known: readonly ChatCommand[] = ['new', 'status', 'start', 'help'];

/** `/new@DeskBot Не работает…` → new + the rest. An unknown /word is ordinary text. */
export function parseChatText(raw: string): ParsedChatText {
  const match = /^\/([a-z]+)(?:@[\w]+)?(?:\s+([\s\S]*))?$/i.exec(raw.trim());
  const name = match?.[1]?.toLowerCase() as ChatCommand | undefined;
  if (!match || !name || !known.includes(name)) return { command: null, text: raw.trim() };
  return { command: name, text: (match[2] ?? '').trim() };
}

const subjectLength = 80;

/** The subject of a ticket opened by a chat message: its first line, shortened on a word. */
export function chatSubject(text: string, fallback = 'Сообщение в Telegram'): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().replace(/\s+/g, ' ');
  if (!line) return fallback;
  if (line.length <= subjectLength) return line;
  const cut = line.slice(0, subjectLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > subjectLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const statusWords: Record<TicketStatus, string> = {
  new: 'принято, ждёт специалиста',
  in_progress: 'в работе',
  waiting_client: 'ждём вашего ответа',
  escalation_requested: 'передаётся разработчикам',
  escalated: 'у разработчиков',
  resolved: 'решено, ждём вашего подтверждения',
  closed: 'закрыто',
};

export interface ChatTicket {
  number: string | null;
  subject: string;
  status: TicketStatus;
}

/** The answer to /status: the chat's tickets, open ones first, closed ones only the latest few. */
export function statusAnswer(tickets: readonly ChatTicket[], closedShown = 3): string {
  if (tickets.length === 0) return 'У вас пока нет обращений. Опишите вопрос одним сообщением — мы зарегистрируем обращение.';
  const open = tickets.filter((t) => t.status !== 'closed');
  const closed = tickets.filter((t) => t.status === 'closed').slice(0, closedShown);
  const line = (t: ChatTicket) => `• ${t.number ?? 'без номера'} «${t.subject}» — ${statusWords[t.status]}`;
  const parts: string[] = [];
  parts.push(open.length > 0 ? `Ваши открытые обращения:\n${open.map(line).join('\n')}` : 'Открытых обращений нет.');
  if (closed.length > 0) parts.push(`Недавно закрытые:\n${closed.map(line).join('\n')}`);
  return parts.join('\n\n');
}

export const chatAnswers = {
  start:
    'Здравствуйте! Это техническая поддержка PASS24. Опишите вопрос одним сообщением, можно с фото или файлом — мы зарегистрируем обращение и сообщим его номер.\n\n/new — новое обращение\n/status — состояние ваших обращений',
  newPrompt: 'Опишите, пожалуйста, новый вопрос одним сообщением — мы зарегистрируем его как отдельное обращение.',
  nothingKept:
    'Это сообщение мы не можем передать специалисту (стикеры и подобное не сохраняются). Напишите, пожалуйста, текстом или пришлите фото или файл.',
} as const;

/** Telegram's limit of one message's text; longer answers go as several messages. */
const messageTextLimit = 4096;

/** Splits a long text into parts within the limit, on paragraph or line breaks where it can. */
export function splitMessageText(text: string, limit: number = messageTextLimit): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit / 2) cut = window.lastIndexOf('\n');
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut < limit / 2) cut = limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
