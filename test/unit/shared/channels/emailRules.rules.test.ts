import { describe, expect, it } from 'vitest';
import { numberInSubject, replySubject, ticketSubjectOf } from '#shared/channels/emailSubject.ts';
import { automaticAnswerBlocked, isBounce, isRobotAddress } from '#shared/channels/loopGuards.ts';
import { splitQuoted } from '#shared/channels/quotedText.ts';

// docs/channels.md: the number in a subject, mail that gets no automatic answer, quoted history.
describe('the ticket number in a subject', () => {
  it.each([
    ['[PASS24 #2026-000123]', '2026-000123'],
    ['[PASS24#2026-000123]', '2026-000123'],
    ['Re: [ Pass24  #  2026-000123 ] и ещё', '2026-000123'],
    ['[PASS24 #2026-00012]', null],
    ['[PASS24 #26-000123]', null],
    ['[PASS24 2026-000123]', null],
    ['PASS24 #2026-000123', null],
  ])('%s names %s', (subject, number) => {
    expect(numberInSubject(subject)).toBe(number);
  });
});

describe('the subject of an answer', () => {
  it.each([
    ['Fw: FWD: RE[2]: Шлагбаум', 'Re: Шлагбаум [PASS24 #2026-000001]'],
    ['Отв: На: Шлагбаум', 'Re: Шлагбаум [PASS24 #2026-000001]'],
    ['  re :Шлагбаум  ', 'Re: Шлагбаум [PASS24 #2026-000001]'],
    ['Шлагбаум [PASS24 #2026-000001] снова', 'Re: Шлагбаум  снова [PASS24 #2026-000001]'],
    ['Шлагбаум, re: ворота', 'Re: Шлагбаум, re: ворота [PASS24 #2026-000001]'],
    ['Re: [PASS24 #2026-000001]', 'Re: обращение [PASS24 #2026-000001]'],
    ['RE[12]: Шлагбаум', 'Re: Шлагбаум [PASS24 #2026-000001]'],
    ['Remark: Шлагбаум', 'Re: Remark: Шлагбаум [PASS24 #2026-000001]'],
    ['Насос: не работает', 'Re: Насос: не работает [PASS24 #2026-000001]'],
  ])('%j becomes %j', (subject, expected) => {
    expect(replySubject(subject, '2026-000001')).toBe(expected);
  });

  it('carries no tag for a ticket not yet numbered', () => {
    expect(replySubject('Шлагбаум', null)).toBe('Re: Шлагбаум');
  });
});

describe('the subject of a new ticket from a message', () => {
  it.each([
    ['RE[3]: Fwd:   Камера \t не видит ', 'Камера не видит'],
    ['Re: [PASS24 #2026-000123]', '(без темы)'],
    ['   ', '(без темы)'],
    ['Камера, fwd: ворота', 'Камера, fwd: ворота'],
    ['Re:Камера', 'Камера'],
    ['Fw: Камера', 'Камера'],
    ['RE[12]: Камера', 'Камера'],
    ['Core: ядро', 'Core: ядро'],
    ['Remark: ядро', 'Remark: ядро'],
  ])('%j becomes %j', (subject, expected) => {
    expect(ticketSubjectOf(subject)).toBe(expected);
  });
});

describe('mail that gets no automatic answer', () => {
  it.each([
    ['mailer-daemon@mx.ru', true],
    ['Postmaster@mx.ru', true],
    ['noreply@b.ru', true],
    ['no-reply@b.ru', true],
    ['donotreply@b.ru', true],
    ['do-not-reply@b.ru', true],
    ['bounce@b.ru', true],
    ['bounces+abc@b.ru', true],
    ['noreply.robot@b.ru', true],
    [' noreply @b.ru', true],
    ['noreplyx@b.ru', false],
    ['ivan.noreply@b.ru', false],
    ['ivanova@uk.ru', false],
  ])('%s is a robot: %s', (address, robot) => {
    expect(isRobotAddress(address)).toBe(robot);
  });

  const own = ['help@pass24.ru', ' Support@PASS24.ru '];
  it.each([
    [{ from: '  ' }, 'no_sender'],
    [{ from: ' SUPPORT@pass24.ru ' }, 'own_address'],
    [{ from: 'noreply@b.ru', autoSubmitted: 'auto-replied' }, 'robot_sender'],
    [{ from: 'a@b.ru', autoSubmitted: ' Auto-Generated ', precedence: 'bulk' }, 'auto_submitted'],
    [{ from: 'a@b.ru', autoSubmitted: ' No ', precedence: ' Junk ' }, 'precedence'],
    [{ from: 'a@b.ru', precedence: 'list' }, 'precedence'],
    [{ from: 'a@b.ru', precedence: 'first-class' }, null],
    [{ from: 'a@b.ru', xAutoreply: 'yes', xAutoResponseSuppress: 'All' }, 'auto_reply'],
    [{ from: 'a@b.ru', xAutoResponseSuppress: 'All' }, 'auto_reply'],
    [{ from: 'a@b.ru', xAutoResponseSuppress: 'DR, OOF' }, 'auto_reply'],
    [{ from: 'a@b.ru', xAutoResponseSuppress: 'AutoReply' }, 'auto_reply'],
    [{ from: 'a@b.ru', xAutoResponseSuppress: 'DR, RN, NRN' }, null],
    [{ from: 'a@b.ru', xAutoResponseSuppress: 'Allowed' }, null],
    [{ from: 'a@b.ru', contentType: 'Multipart/Report; report-type=Delivery-Status' }, 'bounce'],
  ] as const)('%o: %s', (headers, why) => {
    expect(automaticAnswerBlocked(headers, own)).toBe(why);
  });

  it('a bounce is a delivery report, or mail from the mail system itself', () => {
    expect(isBounce({ from: 'a@b.ru', contentType: 'multipart/report; report-type=disposition-notification' })).toBe(false);
    expect(isBounce({ from: 'a@b.ru', contentType: 'text/plain; name=delivery-status' })).toBe(false);
    expect(isBounce({ from: ' Postmaster @mx.ru' })).toBe(true);
    expect(isBounce({ from: 'mailer-daemon@mx.ru' })).toBe(true);
    expect(isBounce({ from: 'noreply@mx.ru' })).toBe(false);
    expect(isBounce({ from: 'postmaster-ru@mx.ru' })).toBe(false);
    expect(isBounce({ from: 'notpostmaster@mx.ru' })).toBe(false);
  });
});

describe('quoted history and signatures', () => {
  const split = (...lines: string[]) => splitQuoted(lines.join('\n'));

  it.each([
    '-----Original Message-----',
    '---- Исходное сообщение ----',
    '-------- Пересылаемое сообщение --------',
    '---------- Forwarded message ---------',
    'On Mon, 2 Dec 2026 at 10:00, Support <s@p.ru> wrote:',
    '2 дек. 2026 г., в 10:00, Поддержка написала:',
    'Поддержка писал(а):',
    'Поддержка пишет :',
    '> Перезагрузите контроллер.',
    '  > Перезагрузите контроллер.',
  ])('history starts at %j', (line) => {
    expect(split('Спасибо, заработало.', line, 'старое')).toEqual({
      visible: 'Спасибо, заработало.',
      folded: `${line}\nстарое`.trim(),
    });
  });

  it('a From: line heads history when a Subject, Sent or Date line follows within four lines', () => {
    expect(split('Спасибо.', 'От: Поддержка', 'Отправлено: вчера', 'Тема: Re').visible).toBe('Спасибо.');
    expect(split('Спасибо.', 'From: s@p.ru', 'To: a@b.ru', 'Cc: c@d.ru', 'Reply-To: x', 'Date: today').visible).toBe('Спасибо.');
    expect(split('Спасибо.', 'From: s@p.ru', 'a', 'b', 'c', 'd', 'Subject: Re').visible).toBe(
      'Спасибо.\nFrom: s@p.ru\na\nb\nc\nd\nSubject: Re',
    );
  });

  it('a quoted From: line is history like any quoted line', () => {
    expect(split('Спасибо.', '> From: s@p.ru', '> старое')).toEqual({ visible: 'Спасибо.', folded: '> From: s@p.ru\n> старое' });
    expect(split('Спасибо.', '>From: s@p.ru', '> старое').visible).toBe('Спасибо.');
    expect(split('Спасибо.', 'Отправитель: Поддержка писал:', 'старое').visible).toBe('Спасибо.');
  });

  it('only a Subject, Sent or Date line after the From: line makes it a header, as a whole word at the line’s start', () => {
    const kept = (...lines: string[]) => expect(split(...lines)).toEqual({ visible: lines.join('\n'), folded: '' });
    kept('Тема: акт', 'From: бухгалтерия', 'Спасибо');
    kept('Спасибо', 'From: бухгалтерия', 'Крайняя дата: пятница');
    kept('Спасибо', 'From: бухгалтерия', 'Новая-дата: пятница');
    kept('Спасибо', 'From: бухгалтерия', 'Тематика: пропуска');
  });

  it('paragraphs are not signatures; a signature line may be indented', () => {
    expect(splitQuoted('Первый абзац.\n\nВторой абзац.')).toEqual({ visible: 'Первый абзац.\n\nВторой абзац.', folded: '' });
    expect(split('Камера не видит.', '  -- ', 'Ирина')).toEqual({ visible: 'Камера не видит.', folded: '-- \nИрина' });
  });

  it('history starts only at a line that is wholly a marker, a quote or a header, spaces around it allowed', () => {
    const history = (line: string) => expect(split('Спасибо.', line, 'старое').visible).toBe('Спасибо.');
    const kept = (...lines: string[]) => expect(split(...lines)).toEqual({ visible: lines.join('\n'), folded: '' });
    history('  -----Original Message-----   ');
    kept('Спасибо.', 'Текст -----Original Message-----');
    kept('Спасибо.', 'x-----Original Message-----');
    kept('Спасибо.', '-- Original message -- пропало');
    history('wrote:');
    history('Поддержка пишет:  ');
    kept('Спасибо.', 'Поддержка пишет: шлагбаум не работает');
    kept('Спасибо.', `${'а'.repeat(301)} пишет:`);
    kept('Камера отключается в жару:', 'температура > 30 градусов.');
  });

  it('a From: header may be indented and spaced any way around its colon', () => {
    expect(split('Спасибо.', '  From: s@p.ru', 'Sent: today').visible).toBe('Спасибо.');
    expect(split('Спасибо.', 'From:s@p.ru', 'Sent: today').visible).toBe('Спасибо.');
    expect(split('Спасибо.', 'От : Поддержка', 'Тема: Re').visible).toBe('Спасибо.');
    const text = 'Спасибо.\nАкт от: 1 декабря\nДата: пятница';
    expect(splitQuoted(text)).toEqual({ visible: text, folded: '' });
  });

  it('a signature starts only at a line that is wholly its mark, trailing spaces allowed', () => {
    expect(split('Камера не видит.', 'С уважением,  ', 'Ирина').visible).toBe('Камера не видит.');
    expect(split('Камера не видит.', 'Best regards', 'Ирина').visible).toBe('Камера не видит.');
    for (const text of ['Подпись ответственного: ________\nИрина', 'С уважением к вашему времени прошу ускорить.\nИрина']) {
      expect(splitQuoted(text)).toEqual({ visible: text, folded: '' });
    }
  });

  it('a message that is only a quote is shown trimmed', () => {
    expect(splitQuoted('\n  > старый текст \n')).toEqual({ visible: '> старый текст', folded: '' });
  });

  it.each([
    '--',
    '-- ',
    '__',
    '____',
    'С уважением,',
    'с уважением',
    'Best regards,',
    'Regards',
    'Отправлено с iPhone',
    'Отправлено с моего Samsung',
  ])('a signature starts at %j', (line) => {
    expect(split('Камера не видит.', line, 'Ирина')).toEqual({ visible: 'Камера не видит.', folded: `${line}\nИрина`.trim() });
  });

  it('a dash or regards inside a sentence is no signature', () => {
    const text = 'Камера -- не видит, с уважением к вашему времени.\nИрина';
    expect(splitQuoted(text)).toEqual({ visible: text, folded: '' });
  });

  it('reads Windows and old Mac line ends', () => {
    expect(splitQuoted('Спасибо.\r\n> старое\r\n')).toEqual({ visible: 'Спасибо.', folded: '> старое' });
    expect(splitQuoted('Спасибо.\r> старое')).toEqual({ visible: 'Спасибо.', folded: '> старое' });
  });
});
