import { describe, expect, it } from 'vitest';
import {
  parseAttentionCount,
  parseNotifyRequest,
  parseSettingsPatch,
  parseToken,
} from '../../../../electron/main/hostArguments.ts';
import { defaultSettings } from '../../../../shared/host.ts';

describe('parseSettingsPatch', () => {
  it('accepts valid fields and merges partial alarm thresholds into the current ones', () => {
    expect(
      parseSettingsPatch({ locale: 'en', onShift: false, alarms: { emergencyContactWarnBefore: 3 } }, defaultSettings),
    ).toEqual({
      locale: 'en',
      onShift: false,
      alarms: { ...defaultSettings.alarms, emergencyContactWarnBefore: 3 },
    });
    expect(parseSettingsPatch({ endpointUrl: ' https://desk.pass24.example/ ' }, defaultSettings)).toEqual({
      endpointUrl: 'https://desk.pass24.example/',
    });
    expect(parseSettingsPatch({ endpointUrl: '' }, defaultSettings)).toEqual({ endpointUrl: '' });
    expect(
      parseSettingsPatch({ queueColumns: ['number', 'due'], queueColumnWidths: { number: 80, due: 120.5 } }, defaultSettings),
    ).toEqual({ queueColumns: ['number', 'due'], queueColumnWidths: { number: 80, due: 120.5 } });
    const period = { choice: 'custom', from: '2026-11-01', to: '2026-11-30' };
    expect(parseSettingsPatch({ reportPeriod: period }, defaultSettings)).toEqual({ reportPeriod: period });
    expect(parseSettingsPatch({ reportPeriod: null }, defaultSettings)).toEqual({ reportPeriod: null });
  });

  it.each<[string, unknown]>([
    ['not an object', 'ru'],
    ['an unknown key', { admin: true }],
    ['an unknown locale', { locale: 'de' }],
    ['an unknown theme', { theme: 'neon' }],
    ['an endpoint that is not http(s)', { endpointUrl: 'file:///etc' }],
    ['an endpoint that is not a URL', { endpointUrl: 'desk' }],
    ['onShift as a string', { onShift: 'yes' }],
    ['a negative threshold', { alarms: { emergencyContactWarnBefore: -1 } }],
    ['a fractional threshold', { alarms: { emergencyContactWarnBefore: 2.5 } }],
    ['an unknown threshold', { alarms: { snooze: 5 } }],
    ['columns that are not strings', { queueColumns: [1] }],
    ['a width that is not a number', { queueColumnWidths: { a: '80px' } }],
    ['a negative width', { queueColumnWidths: { a: -5 } }],
    ['a report period of an unknown kind', { reportPeriod: { choice: 'year', from: '2026-01-01', to: '2026-12-31' } }],
    [
      'a report period with a date that is not YYYY-MM-DD',
      { reportPeriod: { choice: 'custom', from: '01.11.2026', to: '2026-11-30' } },
    ],
    ['a report period that is not an object', { reportPeriod: 'month' }],
  ])('refuses %s', (_label, patch) => {
    expect(() => parseSettingsPatch(patch, defaultSettings)).toThrow(TypeError);
  });
});

describe('parseNotifyRequest, parseAttentionCount, parseToken', () => {
  it('accept what the contract allows', () => {
    expect(parseNotifyRequest({ title: 't', body: 'b', severity: 'critical', ticketId: 'x', late: true, extra: 1 })).toEqual({
      title: 't',
      body: 'b',
      severity: 'critical',
      ticketId: 'x',
      late: true,
    });
    expect(parseAttentionCount(3)).toBe(3);
    expect(parseToken(null)).toBeNull();
    expect(parseToken('abc')).toBe('abc');
  });

  it('refuse the rest', () => {
    expect(() => parseNotifyRequest({ title: 't', body: 'b', severity: 'urgent' })).toThrow(TypeError);
    expect(() => parseNotifyRequest({ title: 5, body: 'b', severity: 'normal' })).toThrow(TypeError);
    expect(() => parseAttentionCount(1.5)).toThrow(TypeError);
    expect(() => parseAttentionCount('2')).toThrow(TypeError);
    expect(() => parseToken(42)).toThrow(TypeError);
    expect(() => parseToken('x'.repeat(20_000))).toThrow(TypeError);
  });
});
