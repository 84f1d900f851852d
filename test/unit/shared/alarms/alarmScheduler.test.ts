import { describe, expect, it } from 'vitest';
import {
  cancelledAlarms,
  checkAlarms,
  defaultAlarmTiming,
  nextDueAt,
  normaliseAlarms,
  pruneFiredLog,
} from '../../../../shared/alarms/alarmScheduler.ts';
import type { FiredLog } from '../../../../shared/alarms/alarmScheduler.ts';
import { alarmKey } from '../../../../shared/host.ts';
import { minute, spec, t0 } from './alarmFactory.ts';

const warning = spec({ stage: 'warning', at: t0 + 10 * minute });
const breach = spec({ stage: 'breached', at: t0 + 15 * minute });
const arrival = spec({ metric: 'arrival', stage: 'arrived', at: t0 });

describe('checkAlarms: what fires at a given instant', () => {
  it('fires nothing before the due instant and fires at the due instant itself', () => {
    expect(checkAlarms([warning], {}, warning.at - 1).fire).toEqual([]);
    expect(checkAlarms([warning], {}, warning.at).fire).toEqual([{ alarm: warning, late: false }]);
  });

  it('fires each (ticket, metric, stage) once', () => {
    const first = checkAlarms([warning, breach], {}, warning.at);
    expect(first.fire.map((d) => d.alarm)).toEqual([warning]);
    const again = checkAlarms([warning, breach], first.log, warning.at + 5_000);
    expect(again.fire).toEqual([]);
    expect(again.log).toBe(first.log);
    const later = checkAlarms([warning, breach], again.log, breach.at);
    expect(later.fire.map((d) => d.alarm)).toEqual([breach]);
    expect(Object.keys(later.log).sort()).toEqual([alarmKey(breach), alarmKey(warning)].sort());
  });

  it('does not fire a fired key again when the renderer recomputes its instant', () => {
    const { log } = checkAlarms([warning], {}, warning.at);
    const moved = { ...warning, at: warning.at + 30 * minute };
    expect(checkAlarms([moved], log, moved.at).fire).toEqual([]);
  });

  it('keeps the fired log across a restart (the log survives a JSON round trip)', () => {
    const { log } = checkAlarms([arrival, warning], {}, warning.at);
    const restored = JSON.parse(JSON.stringify(log)) as FiredLog;
    expect(checkAlarms([arrival, warning, breach], restored, warning.at + minute).fire).toEqual([]);
    expect(checkAlarms([arrival, warning, breach], restored, breach.at).fire.map((d) => d.alarm)).toEqual([breach]);
  });

  it('fires in due order when several fall due in one check', () => {
    const other = spec({ ticketId: 't2', metric: 'arrival', stage: 'arrived', at: t0 + 9 * minute });
    const result = checkAlarms([warning, other], {}, warning.at);
    expect(result.fire.map((d) => d.alarm)).toEqual([other, warning]);
  });

  it.each([
    ['exactly on time', 0, false],
    ['one second after (a check interval is 15 s)', 1_000, false],
    ['at the late threshold', defaultAlarmTiming.lateAfterMs, false],
    ['just past the late threshold', defaultAlarmTiming.lateAfterMs + 1, true],
    ['an hour after (the machine slept)', 60 * minute, true],
  ])('marks an alarm fired %s as late: %s', (_label, delay, late) => {
    expect(checkAlarms([warning], {}, warning.at + delay).fire).toEqual([{ alarm: warning, late }]);
  });

  describe('after sleep', () => {
    const wake = t0 + 40 * minute;

    it('fires what was missed once, marked late, and only the latest stage of each metric', () => {
      const result = checkAlarms([arrival, warning, breach], {}, wake);
      expect(result.fire).toEqual([
        { alarm: arrival, late: true },
        { alarm: breach, late: true },
      ]);
      expect(result.superseded).toEqual([warning]);
      // The superseded warning is recorded too: it must not fire on the next check.
      expect(checkAlarms([arrival, warning, breach], result.log, wake + minute).fire).toEqual([]);
    });

    it('leaves alarms that are still ahead pending', () => {
      const resolutionWarning = spec({ metric: 'resolution', stage: 'warning', at: t0 + 210 * minute });
      const result = checkAlarms([warning, resolutionWarning], {}, wake);
      expect(result.fire.map((d) => d.alarm)).toEqual([warning]);
      expect(nextDueAt([warning, resolutionWarning], result.log)).toBe(resolutionWarning.at);
    });

    it('records alarms older than the stale limit without raising them', () => {
      const old = spec({ stage: 'breached', at: t0 });
      const result = checkAlarms([old], {}, t0 + defaultAlarmTiming.staleAfterMs + 1);
      expect(result.fire).toEqual([]);
      expect(result.expired).toEqual([old]);
      expect(Object.keys(result.log)).toEqual([alarmKey(old)]);
      expect(checkAlarms([old], {}, t0 + defaultAlarmTiming.staleAfterMs).fire).toEqual([{ alarm: old, late: true }]);
    });
  });
});

describe('cancellation by replacing the list', () => {
  it('reports the pending alarms the new list no longer holds', () => {
    const other = spec({ ticketId: 't2', at: t0 + 11 * minute });
    expect(cancelledAlarms([warning, breach, other], [other], {})).toEqual([warning, breach]);
  });

  it('does not report alarms that already fired', () => {
    const { log } = checkAlarms([warning, breach], {}, warning.at);
    expect(cancelledAlarms([warning, breach], [], log)).toEqual([breach]);
  });

  it('fires nothing for an alarm that left the list (first contact was logged)', () => {
    const list = [arrival, warning, breach];
    const { log } = checkAlarms(list, {}, arrival.at);
    const afterContact = list.filter((a) => a.metric !== 'firstContact');
    expect(checkAlarms(afterContact, log, breach.at + minute).fire).toEqual([]);
  });

  it('accepts any list: each workstation schedules what its renderer sends, several agents included', () => {
    const forAgentA = [arrival, spec({ ticketId: 't2', metric: 'arrival', stage: 'arrived', at: t0 })];
    const forAgentB = [spec({ ticketId: 't2', metric: 'arrival', stage: 'arrived', at: t0 })];
    expect(checkAlarms(forAgentA, {}, t0).fire).toHaveLength(2);
    expect(checkAlarms(forAgentB, {}, t0).fire).toHaveLength(1);
    expect(checkAlarms([], {}, t0).fire).toEqual([]);
  });
});

describe('normaliseAlarms', () => {
  it('keeps one alarm per key, the earlier instant winning, and sorts by instant', () => {
    const late = { ...warning, at: warning.at + minute, title: 'later copy' };
    expect(normaliseAlarms([breach, late, warning])).toEqual([warning, breach]);
  });

  it('drops alarms without a finite instant', () => {
    expect(
      normaliseAlarms([
        { ...warning, at: Number.NaN },
        { ...breach, at: Infinity },
      ]),
    ).toEqual([]);
  });
});

describe('nextDueAt', () => {
  it('is the earliest pending instant, skipping fired alarms', () => {
    expect(nextDueAt([breach, warning], {})).toBe(warning.at);
    const { log } = checkAlarms([warning], {}, warning.at);
    expect(nextDueAt([breach, warning], log)).toBe(breach.at);
    expect(nextDueAt([], {})).toBeNull();
  });
});

describe('pruneFiredLog', () => {
  const day = 24 * 60 * minute;
  const log: FiredLog = {
    [alarmKey(warning)]: { ticketId: 't1', firedAt: t0 },
    't9:resolution:breached': { ticketId: 't9', firedAt: t0 },
    't8:resolution:breached': { ticketId: 't8', firedAt: t0 + 6 * day },
  };

  it('forgets tickets that left the list once the retention has passed, and keeps the rest', () => {
    const pruned = pruneFiredLog(log, [breach], t0 + 7 * day + 1, 7 * day);
    expect(Object.keys(pruned).sort()).toEqual([alarmKey(warning), 't8:resolution:breached']);
  });

  it('returns the same log when nothing is forgotten', () => {
    expect(pruneFiredLog(log, [breach], t0 + day, 7 * day)).toBe(log);
  });
});
