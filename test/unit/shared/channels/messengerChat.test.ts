/** What a client writes to the bot: commands, the subject of a new ticket, the /status answer, long texts. */
import { describe, expect, it } from 'vitest';
import { chatSubject, parseChatText, splitMessageText, statusAnswer } from '#shared/channels/messengerChat.ts';

describe('the commands a client writes to the bot', () => {
  it('reads /new with and without a question, addressed to the bot or not', () => {
    expect(parseChatText('/new')).toEqual({ command: 'new', text: '' });
    expect(parseChatText('/new@pass24_desk_bot Не работает шлагбаум\nс утра')).toEqual({
      command: 'new',
      text: 'Не работает шлагбаум\nс утра',
    });
    expect(parseChatText('  /STATUS ')).toEqual({ command: 'status', text: '' });
    expect(parseChatText('/start')).toEqual({ command: 'start', text: '' });
  });

  it('takes an unknown /word, or a command inside the text, as ordinary text', () => {
    expect(parseChatText('/reboot контроллер')).toEqual({ command: null, text: '/reboot контроллер' });
    expect(parseChatText('Напишите /new')).toEqual({ command: null, text: 'Напишите /new' });
    expect(parseChatText('/newticket')).toEqual({ command: null, text: '/newticket' });
  });
});

describe('the subject of a ticket opened in a chat', () => {
  it('is the first non-empty line, spaces collapsed', () => {
    expect(chatSubject('\n  Камера   не видит номера \nподробности')).toBe('Камера не видит номера');
  });

  it('is shortened on a word with an ellipsis when long', () => {
    const subject = chatSubject(`${'Очень длинное описание проблемы '.repeat(5)}конец`);
    expect(subject).toBe('Очень длинное описание проблемы Очень длинное описание проблемы Очень длинное…');
    expect(subject.length).toBeLessThanOrEqual(80);
  });

  it('falls back when the message has no text', () => {
    expect(chatSubject('')).toBe('Сообщение в Telegram');
    expect(chatSubject('  ', 'Фото или файл из Telegram')).toBe('Фото или файл из Telegram');
  });
});

describe('the answer to /status', () => {
  it('lists open tickets first and only the latest closed ones', () => {
    const text = statusAnswer(
      [
        { number: '2026-000010', subject: 'Шлагбаум', status: 'closed' },
        { number: '2026-000011', subject: 'Пропуск', status: 'waiting_client' },
        { number: '2026-000009', subject: 'Камера', status: 'closed' },
        { number: '2026-000008', subject: 'Домофон', status: 'closed' },
      ],
      2,
    );
    expect(text).toBe(
      'Ваши открытые обращения:\n• 2026-000011 «Пропуск» — ждём вашего ответа\n\nНедавно закрытые:\n• 2026-000010 «Шлагбаум» — закрыто\n• 2026-000009 «Камера» — закрыто',
    );
  });

  it('says there are none, and how to start, for a new chat', () => {
    expect(statusAnswer([])).toMatch(/^У вас пока нет обращений\./);
    expect(statusAnswer([{ number: '2026-000001', subject: 'A', status: 'closed' }])).toMatch(/^Открытых обращений нет\./);
  });
});

describe('a text longer than one Telegram message', () => {
  it('is split within the limit on line breaks, nothing lost', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Абзац ${i} ${'слово '.repeat(40).trim()}`);
    const text = paragraphs.join('\n\n');
    const parts = splitMessageText(text, 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1000);
    expect(parts.join('\n\n')).toBe(text);
  });

  it('cuts a text with no breaks at the limit', () => {
    expect(splitMessageText('я'.repeat(2500), 1000).map((p) => p.length)).toEqual([1000, 1000, 500]);
  });

  it('keeps a short text whole', () => {
    expect(splitMessageText('Готово')).toEqual(['Готово']);
  });
});
