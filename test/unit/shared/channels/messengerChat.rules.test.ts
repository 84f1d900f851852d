/** What a client writes to the bot, at its edges: a command's word, the subject's cut, the /status lines, the split. */
import { describe, expect, it } from 'vitest';
import { chatSubject, parseChatText, splitMessageText, statusAnswer } from '#shared/channels/messengerChat.ts';

describe('a command written to the bot', () => {
  it('reads /help, and the command’s text after a space', () => {
    expect(parseChatText('/help')).toEqual({ command: 'help', text: '' });
    expect(parseChatText('/new Не работает шлагбаум')).toEqual({ command: 'new', text: 'Не работает шлагбаум' });
  });

  it('takes a command word followed by anything but a space or an address as ordinary text, trimmed', () => {
    expect(parseChatText('/new-ticket')).toEqual({ command: null, text: '/new-ticket' });
    expect(parseChatText('  Шлагбаум не открывается  ')).toEqual({ command: null, text: 'Шлагбаум не открывается' });
  });
});

describe('the subject of a ticket opened by a chat message', () => {
  const a = (n: number) => 'а'.repeat(n);

  it('skips a first line of spaces only', () => {
    expect(chatSubject('   \nКамера не видит номера')).toBe('Камера не видит номера');
  });

  it('keeps a line of exactly 80 characters whole', () => {
    expect(chatSubject(a(80))).toBe(a(80));
  });

  it('cuts a line without a late space at 79 characters and an ellipsis: 80 in all', () => {
    expect(chatSubject(a(100))).toBe(`${a(79)}…`);
    expect(chatSubject(`аа ${'б'.repeat(100)}`)).toBe(`аа ${'б'.repeat(76)}…`);
  });

  it('cuts at the last space only when it is past the middle (40)', () => {
    expect(chatSubject(`${a(40)} ${'б'.repeat(60)}`)).toBe(`${a(40)} ${'б'.repeat(38)}…`);
    expect(chatSubject(`${a(41)} ${'б'.repeat(60)}`)).toBe(`${a(41)}…`);
  });
});

describe('the answer to /status', () => {
  it('names each status in the client’s words, and a ticket without a number as such', () => {
    const statuses = [
      ['new', 'принято, ждёт специалиста'],
      ['in_progress', 'в работе'],
      ['waiting_client', 'ждём вашего ответа'],
      ['escalation_requested', 'передаётся разработчикам'],
      ['escalated', 'у разработчиков'],
      ['resolved', 'решено, ждём вашего подтверждения'],
    ] as const;
    const tickets = statuses.map(([status], i) => ({ number: i === 0 ? null : `2026-00000${i}`, subject: 'Камера', status }));
    expect(statusAnswer(tickets)).toBe(
      'Ваши открытые обращения:\n' +
        statuses.map(([, words], i) => `• ${i === 0 ? 'без номера' : `2026-00000${i}`} «Камера» — ${words}`).join('\n'),
    );
  });

  it('says nothing of closed tickets when there are none', () => {
    expect(statusAnswer([{ number: '2026-000001', subject: 'Камера', status: 'closed' }])).toBe(
      'Открытых обращений нет.\n\nНедавно закрытые:\n• 2026-000001 «Камера» — закрыто',
    );
  });
});

describe('a long answer split into messages', () => {
  const limit = 20;

  it('keeps a text of exactly the limit as one message, and an empty text as one empty message', () => {
    expect(splitMessageText('аааааааааааа ббббббб', limit)).toEqual(['аааааааааааа ббббббб']);
    expect(splitMessageText('', limit)).toEqual(['']);
  });

  it('splits at the last paragraph break past the middle, before a later line break', () => {
    expect(splitMessageText('аааааааааааа\n\nббб\nвв гггггггггггг', limit)).toEqual(['аааааааааааа', 'ббб\nвв гггггггггггг']);
    expect(splitMessageText('аааааааааааа  \n\nббббббббббббб', limit)).toEqual(['аааааааааааа', 'ббббббббббббб']);
  });

  it('takes a break exactly at the middle, of whichever kind', () => {
    expect(splitMessageText('аааааааааа\n\nббб\nвв гггггггггггг', limit)[0]).toBe('аааааааааа');
    expect(splitMessageText('аааааааааа\nббббббб ввввввввв', limit)[0]).toBe('аааааааааа');
    expect(splitMessageText('аааааааааа ббббббббббббббб', limit)[0]).toBe('аааааааааа');
  });

  it('prefers a line break past the middle to a later space', () => {
    expect(splitMessageText('аааааааааааа\nбб вв гггггггггггг', limit)).toEqual(['аааааааааааа', 'бб вв гггггггггггг']);
  });

  it('splits at the last space past the middle when there is no break', () => {
    expect(splitMessageText('аааааааааааа ббббббббббббб', limit)).toEqual(['аааааааааааа', 'ббббббббббббб']);
  });

  it('sends no empty message for spaces left after the last cut', () => {
    expect(splitMessageText('аааааааааааа\n\n' + ' '.repeat(10), limit)).toEqual(['аааааааааааа']);
  });
});
