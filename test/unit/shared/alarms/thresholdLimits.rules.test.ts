import { describe, expect, it } from 'vitest';
import { parseThreshold, thresholdFields } from '#shared/alarms/thresholdLimits.ts';

describe('the alarm thresholds of Настройки', () => {
  it('are three fields, in the order the screen shows them, each taking 0 to switch its warning off', () => {
    expect(thresholdFields).toEqual([
      'emergencyContactWarnBefore',
      'emergencyResolutionWarnBefore',
      'standardResolutionWarnBefore',
    ]);
    expect(thresholdFields.map((f) => parseThreshold(f, '0'))).toEqual(Array(3).fill({ ok: true, value: 0 }));
  });
});
