import { describe, expect, it } from 'vitest';
import { buildAlarmSpecs } from '../../../../shared/alarms/buildAlarmSpecs.ts';
import type { AlarmAudience, AlarmTicket } from '../../../../shared/alarms/buildAlarmSpecs.ts';
import { defaultAlarmThresholds } from '../../../../shared/host.ts';
import { emergency, minute, standard, t0 } from './alarmFactory.ts';

const audience: AlarmAudience = { thresholds: defaultAlarmThresholds, onShift: true, agentId: 'agent-me' };

/** The alarms as "metric stage @minutes after t0". */
function plan(ticket: AlarmTicket, thresholds: Partial<AlarmAudience['thresholds']> = {}): string[] {
  return buildAlarmSpecs([ticket], { ...audience, thresholds: { ...defaultAlarmThresholds, ...thresholds } }).map(
    (a) => `${a.metric} ${a.stage} @${(a.at - t0) / minute}`,
  );
}

describe('where a warning falls', () => {
  it('an emergency warning that would fall at the very instant of creation is dropped', () => {
    expect(plan(emergency(), { emergencyContactWarnBefore: 15 })).not.toContain('firstContact warning @0');
    expect(plan(emergency(), { emergencyContactWarnBefore: 14 })).toContain('firstContact warning @1');
  });

  it('an emergency whose first-contact clock is paused has no first-contact alarms', () => {
    expect(plan(emergency({ firstContactDueAt: null }))).toEqual([
      'arrival arrived @0',
      'resolution warning @210',
      'resolution breached @240',
    ]);
  });

  it('a standard ticket whose resolution clock is paused has no alarms', () => {
    expect(plan(standard({ resolutionDueAt: null }))).toEqual([]);
  });

  it.each([
    ['a minute before the target', 72 * 60 - 1, ['resolution warning @4319', 'resolution breached @4320']],
    ['at the target itself', 72 * 60, ['resolution breached @4320']],
    ['after the target', 72 * 60 + 1, ['resolution breached @4320']],
  ])('a standard warning placed %s: warned only when it comes first', (_where, warnMinute, alarms) => {
    expect(plan(standard({ resolutionWarnAt: t0 + warnMinute * minute }))).toEqual(alarms);
  });

  it('a standard warning switched off (0 minutes) is not raised', () => {
    expect(plan(standard(), { standardResolutionWarnBefore: 0 })).toEqual(['resolution breached @4320']);
  });
});
