import { describe, expect, it } from 'vitest';
import { minutesInWords, ruPlural } from '../../../../shared/alarms/alarmTexts.ts';

describe('Russian plurals', () => {
  const minutes = { one: 'минута', few: 'минуты', many: 'минут' };
  it.each([
    [1, '1 минута'],
    [2, '2 минуты'],
    [4, '4 минуты'],
    [5, '5 минут'],
    [11, '11 минут'],
    [12, '12 минут'],
    [14, '14 минут'],
    [21, '21 минута'],
    [22, '22 минуты'],
    [25, '25 минут'],
    [101, '101 минута'],
    [111, '111 минут'],
    [0, '0 минут'],
  ])('%i -> %s', (n, words) => {
    expect(ruPlural(n, minutes)).toBe(words);
  });
});

describe('minutesInWords', () => {
  it.each([
    [5, false, 'ru', '5 минут'],
    [30, false, 'ru', '30 минут'],
    [60, false, 'ru', '1 час'],
    [90, false, 'ru', '90 минут'],
    [120, true, 'ru', '2 рабочих часа'],
    [300, true, 'ru', '5 рабочих часов'],
    [45, true, 'ru', '45 рабочих минут'],
    [1, true, 'ru', '1 рабочая минута'],
    [1, false, 'en', '1 minute'],
    [60, true, 'en', '1 working hour'],
    [180, false, 'en', '3 hours'],
  ] as const)('%i min (working: %s, %s) -> %s', (n, working, locale, words) => {
    expect(minutesInWords(n, locale, working)).toBe(words);
  });
});
