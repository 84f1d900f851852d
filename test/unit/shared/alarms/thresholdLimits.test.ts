import { describe, expect, it } from 'vitest';
import { parseThreshold } from '#shared/alarms/thresholdLimits.ts';

describe('parseThreshold: minutes typed into Настройки', () => {
  it.each([
    ['emergencyContactWarnBefore', '5', 5],
    ['emergencyContactWarnBefore', ' 0 ', 0],
    ['emergencyContactWarnBefore', 14, 14],
    ['emergencyResolutionWarnBefore', '30', 30],
    ['standardResolutionWarnBefore', '540', 540],
  ] as const)('accepts %s = %j', (field, raw, value) => {
    expect(parseThreshold(field, raw)).toEqual({ ok: true, value });
  });

  it('refuses an empty field', () => {
    expect(parseThreshold('emergencyContactWarnBefore', '')).toEqual({ ok: false, error: { code: 'required' } });
  });

  it.each(['2.5', '5 мин', 'abc', '1e2'])('refuses %j as not a whole number of minutes', (raw) => {
    expect(parseThreshold('emergencyResolutionWarnBefore', raw)).toEqual({ ok: false, error: { code: 'not_integer' } });
  });

  it.each([
    ['emergencyContactWarnBefore', '15', 0, 14],
    ['emergencyResolutionWarnBefore', '181', 0, 180],
    ['standardResolutionWarnBefore', '-1', 0, 540],
  ] as const)('refuses %s = %s outside %i..%i', (field, raw, min, max) => {
    expect(parseThreshold(field, raw)).toEqual({ ok: false, error: { code: 'out_of_range', min, max } });
  });
});
