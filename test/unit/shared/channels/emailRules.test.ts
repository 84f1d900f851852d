/** The pure rules of email: the number in a subject, robots that get no answer, quoted history. */
import { describe, expect, it } from 'vitest';
import { numberInSubject, replySubject, ticketSubjectOf, ticketTag } from '#shared/channels/emailSubject.ts';
import { automaticAnswerBlocked, isBounce } from '#shared/channels/loopGuards.ts';
import { splitQuoted } from '#shared/channels/quotedText.ts';

describe('the ticket number in a subject', () => {
  it('is written as [PASS24 #number] and read back, whatever the spacing and case', () => {
    expect(ticketTag('2026-000123')).toBe('[PASS24 #2026-000123]');
    expect(numberInSubject('RE: Шлагбаум [PASS24 #2026-000123]')).toBe('2026-000123');
    expect(numberInSubject('Fwd: [ pass24 # 2026-000123 ] шлагбаум')).toBe('2026-000123');
    expect(numberInSubject('Шлагбаум #2026-000123')).toBeNull();
  });

  it('makes one Re: and one tag, however many the answer chain piled up', () => {
    expect(replySubject('Re: RE: Fwd: Шлагбаум [PASS24 #2026-000123]', '2026-000123')).toBe('Re: Шлагбаум [PASS24 #2026-000123]');
    expect(replySubject('Ответ: Шлагбаум', '2026-000001')).toBe('Re: Шлагбаум [PASS24 #2026-000001]');
    expect(replySubject('', null)).toBe('Re: обращение');
  });

  it('gives a new ticket a subject without prefixes, never empty', () => {
    expect(ticketSubjectOf('Fwd: RE:  Камера   не видит')).toBe('Камера не видит');
    expect(ticketSubjectOf(undefined)).toBe('(без темы)');
  });
});

describe('loop guards', () => {
  const own = ['support@pass24.ru'];
  it.each([
    [{ from: 'a@b.ru', autoSubmitted: 'auto-replied' }, 'auto_submitted'],
    [{ from: 'a@b.ru', autoSubmitted: 'auto-generated' }, 'auto_submitted'],
    [{ from: 'a@b.ru', precedence: 'bulk' }, 'precedence'],
    [{ from: 'a@b.ru', precedence: 'auto_reply' }, 'precedence'],
    [{ from: 'a@b.ru', xAutoreply: 'yes' }, 'auto_reply'],
    [{ from: 'MAILER-DAEMON@mx.b.ru' }, 'robot_sender'],
    [{ from: 'noreply@b.ru' }, 'robot_sender'],
    [{ from: 'Support@PASS24.ru' }, 'own_address'],
    [{ from: '' }, 'no_sender'],
  ])('refuses an automatic answer to %o (%s)', (headers, why) => {
    expect(automaticAnswerBlocked(headers, own)).toBe(why);
  });

  it('answers a person, also one who says Auto-Submitted: no', () => {
    expect(automaticAnswerBlocked({ from: 'ivanova@uk.ru', autoSubmitted: 'no' }, own)).toBeNull();
  });

  it('knows a delivery status notification', () => {
    expect(isBounce({ from: 'x@y.ru', contentType: 'multipart/report; report-type=delivery-status; boundary=a' })).toBe(true);
    expect(isBounce({ from: 'ivanova@uk.ru', contentType: 'text/plain' })).toBe(false);
  });
});

describe('quoted history and signatures', () => {
  it('folds a Gmail-style quote and keeps the new text', () => {
    const text = 'Спасибо, заработало.\n\nПн, 2 дек. 2026 г. в 10:00, Поддержка <s@p.ru>:\n> Перезагрузите контроллер.';
    const split = splitQuoted(text.replace('<s@p.ru>:', '<s@p.ru> пишет:'));
    expect(split.visible).toBe('Спасибо, заработало.');
    expect(split.folded).toMatch(/^Пн, 2 дек.*\n> Перезагрузите контроллер.$/);
  });

  it('folds an Outlook original-message block and a signature', () => {
    const split = splitQuoted(
      'Камера снова не видит.\n\n-- \nИрина\nУК «Дом»\n\n-----Original Message-----\nFrom: s@p.ru\nSent: today\nSubject: Re',
    );
    expect(split.visible).toBe('Камера снова не видит.');
    expect(split.folded).toContain('Ирина');
    expect(split.folded).toContain('Original Message');
  });

  it('keeps a message that is only a quote visible', () => {
    expect(splitQuoted('> старый текст')).toEqual({ visible: '> старый текст', folded: '' });
  });

  it('does not take a From: line in the text for a quoted header', () => {
    expect(splitQuoted('From: бухгалтерия просит акт.\nСпасибо').visible).toBe('From: бухгалтерия просит акт.\nСпасибо');
  });
});
