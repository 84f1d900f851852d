import { describe, expect, it } from 'vitest';
import { alarmText, minutesInWords, type AlarmTextInput } from '#shared/alarms/alarmTexts.ts';

// The words of each alarm notification, Russian first, English second.
const input = (over: Partial<AlarmTextInput> = {}): AlarmTextInput => ({
  metric: 'firstContact',
  stage: 'warning',
  emergency: true,
  ticketNumber: '2026-000101',
  subject: 'Шлагбаум не открывается',
  siteName: 'ЖК «Северный»',
  minutesLeft: 5,
  ...over,
});

describe('the title of an alarm', () => {
  it.each([
    ['arrival', 'arrived', 'Экстренное обращение №2026-000101', 'Emergency ticket #2026-000101'],
    [
      'firstContact',
      'warning',
      '№2026-000101: до первого контакта 5 минут',
      '#2026-000101: 5 minutes left to contact the client',
    ],
    ['firstContact', 'breached', '№2026-000101: срок первого контакта истёк', '#2026-000101: first contact overdue'],
    ['resolution', 'warning', '№2026-000101: до срока решения 5 минут', '#2026-000101: 5 minutes left to resolve'],
    ['resolution', 'breached', '№2026-000101: срок решения истёк', '#2026-000101: resolution overdue'],
  ] as const)('%s %s: «%s», "%s"', (metric, stage, ru, en) => {
    expect(alarmText(input({ metric, stage }), 'ru').title).toBe(ru);
    expect(alarmText(input({ metric, stage }), 'en').title).toBe(en);
  });

  it('names a ticket not yet numbered as a new one', () => {
    const unnumbered = (metric: AlarmTextInput['metric'], stage: AlarmTextInput['stage'], locale: 'ru' | 'en') =>
      alarmText(input({ metric, stage, ticketNumber: null }), locale).title;
    expect(unnumbered('arrival', 'arrived', 'ru')).toBe('Новое экстренное обращение');
    expect(unnumbered('arrival', 'arrived', 'en')).toBe('New emergency ticket');
    expect(unnumbered('firstContact', 'breached', 'ru')).toBe('Новое обращение: срок первого контакта истёк');
    expect(unnumbered('firstContact', 'breached', 'en')).toBe('New ticket: first contact overdue');
  });

  it('counts the time left in working minutes for a ticket that is not an emergency, none when not given', () => {
    expect(alarmText(input({ metric: 'resolution', emergency: false, minutesLeft: 120 }), 'ru').title).toBe(
      '№2026-000101: до срока решения 2 рабочих часа',
    );
    expect(alarmText(input({ metric: 'resolution', emergency: false, minutesLeft: 1 }), 'en').title).toBe(
      '#2026-000101: 1 working minute left to resolve',
    );
    expect(alarmText(input({ minutesLeft: undefined }), 'ru').title).toBe('№2026-000101: до первого контакта 0 минут');
  });

  it('is the ticket alone for a stage no metric has', () => {
    expect(alarmText(input({ metric: 'arrival', stage: 'warning' }), 'ru').title).toBe('№2026-000101');
    expect(alarmText(input({ metric: 'resolution', stage: 'arrived' }), 'en').title).toBe('#2026-000101');
  });
});

describe('the body of an alarm', () => {
  it('is the site and the subject, leaving out an empty or blank one', () => {
    expect(alarmText(input(), 'ru').body).toBe('ЖК «Северный» — Шлагбаум не открывается');
    expect(alarmText(input({ siteName: null }), 'ru').body).toBe('Шлагбаум не открывается');
    expect(alarmText(input({ siteName: '  ' }), 'en').body).toBe('Шлагбаум не открывается');
    expect(alarmText(input({ subject: '' }), 'ru').body).toBe('ЖК «Северный»');
  });
});

describe('a span of minutes in words', () => {
  it('is in hours only from a whole hour on', () => {
    expect(minutesInWords(59, 'ru')).toBe('59 минут');
    expect(minutesInWords(60, 'ru')).toBe('1 час');
    expect(minutesInWords(61, 'en')).toBe('61 minutes');
    expect(minutesInWords(120, 'en')).toBe('2 hours');
    expect(minutesInWords(0, 'en')).toBe('0 minutes');
  });

  it('has every Russian form, working or not', () => {
    expect([1, 2, 5].map((h) => minutesInWords(h * 60, 'ru'))).toEqual(['1 час', '2 часа', '5 часов']);
    expect([1, 3, 11].map((h) => minutesInWords(h * 60, 'ru', true))).toEqual([
      '1 рабочий час',
      '3 рабочих часа',
      '11 рабочих часов',
    ]);
    expect([1, 2, 5].map((m) => minutesInWords(m, 'ru', true))).toEqual([
      '1 рабочая минута',
      '2 рабочие минуты',
      '5 рабочих минут',
    ]);
    expect([21, 23, 25].map((m) => minutesInWords(m, 'ru'))).toEqual(['21 минута', '23 минуты', '25 минут']);
  });

  it('has both English forms, working or not', () => {
    expect([60, 120].map((m) => minutesInWords(m, 'en', true))).toEqual(['1 working hour', '2 working hours']);
    expect([60, 180].map((m) => minutesInWords(m, 'en'))).toEqual(['1 hour', '3 hours']);
    expect([1, 2].map((m) => minutesInWords(m, 'en', true))).toEqual(['1 working minute', '2 working minutes']);
    expect([1, 2].map((m) => minutesInWords(m, 'en'))).toEqual(['1 minute', '2 minutes']);
  });
});
