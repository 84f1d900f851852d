import { describe, expect, it } from 'vitest';
import {
  checkAlarms,
  defaultAlarmTiming,
  nextDueAt,
  normaliseAlarms,
  pruneFiredLog,
  type FiredLog,
} from '#shared/alarms/alarmScheduler.ts';
import { minute, spec, t0 } from './alarmFactory.ts';

// The pure core of the alarm scheduler: what fires at an instant, each alarm once.
const day = 24 * 60 * minute;
const { lateAfterMs, staleAfterMs } = defaultAlarmTiming;

describe('the list the scheduler keeps', () => {
  it('holds one alarm per ticket, metric and stage: the earliest, or the first sent of equals', () => {
    const later = spec({ at: t0 + minute, title: 'later' });
    const earlier = spec({ at: t0, title: 'earlier' });
    expect(normaliseAlarms([earlier, later])).toEqual([earlier]);
    expect(normaliseAlarms([later, earlier])).toEqual([earlier]);
    const again = spec({ at: t0, title: 'again' });
    expect(normaliseAlarms([earlier, again])).toEqual([earlier]);
  });
});

describe('what fires at an instant', () => {
  it('is nothing when nothing is due, with the log unchanged', () => {
    const log: FiredLog = {};
    const result = checkAlarms([spec({ at: t0 + 1 })], log, t0);
    expect(result).toEqual({ fire: [], superseded: [], expired: [], log: {} });
    expect(result.log).toBe(log);
  });

  it('raises an alarm due a day ago at the latest, late; one due longer ago is recorded without a notification', () => {
    const dayOld = spec({ ticketId: 'a', at: t0 - staleAfterMs });
    const older = spec({ ticketId: 'b', at: t0 - staleAfterMs - 1 });
    const result = checkAlarms([dayOld, older], {}, t0);
    expect(result.fire).toEqual([{ alarm: dayOld, late: true }]);
    expect(result.expired).toEqual([older]);
    expect(result.log).toEqual({
      'a:firstContact:warning': { ticketId: 'a', firedAt: t0 },
      'b:firstContact:warning': { ticketId: 'b', firedAt: t0 },
    });
  });

  it('marks an alarm late only when it fires more than 30 seconds after its instant', () => {
    const onTime = spec({ ticketId: 'a', at: t0 - lateAfterMs });
    const late = spec({ ticketId: 'b', at: t0 - lateAfterMs - 1 });
    expect(checkAlarms([onTime, late], {}, t0).fire).toEqual([
      { alarm: late, late: true },
      { alarm: onTime, late: false },
    ]);
  });

  it('raises only the most advanced stage of a ticket’s metric due together, whatever the list’s order, and records every one', () => {
    const warning = spec({ stage: 'warning', at: t0 - 10 * minute });
    const breached = spec({ stage: 'breached', at: t0 - 5 * minute });
    for (const list of [
      [warning, breached],
      [breached, warning],
    ]) {
      const result = checkAlarms(list, {}, t0);
      expect(result.fire).toEqual([{ alarm: breached, late: true }]);
      expect(result.superseded).toEqual([warning]);
      expect(Object.keys(result.log).sort()).toEqual(['t1:firstContact:breached', 't1:firstContact:warning']);
    }
  });

  it('raises the later of one stage given twice (a list not normalised)', () => {
    const first = spec({ at: t0 - 10 * minute, title: 'first' });
    const second = spec({ at: t0 - 5 * minute, title: 'second' });
    for (const list of [
      [first, second],
      [second, first],
    ]) {
      expect(checkAlarms(list, {}, t0)).toMatchObject({ fire: [{ alarm: second }], superseded: [first] });
    }
  });
});

describe('the next instant to wake for', () => {
  it('is the earliest alarm still pending, in any order of the list', () => {
    const fired = spec({ ticketId: 'a', at: t0 });
    const list = [spec({ ticketId: 'b', at: t0 + 2 * minute }), fired, spec({ ticketId: 'c', at: t0 + minute })];
    expect(nextDueAt(list, { 'a:firstContact:warning': { ticketId: 'a', firedAt: t0 } })).toBe(t0 + minute);
    expect(nextDueAt(list, {})).toBe(t0);
    expect(nextDueAt([], {})).toBeNull();
  });
});

describe('the fired log', () => {
  it('forgets an alarm of a ticket no longer scheduled only once it fired longer ago than the retention', () => {
    const log: FiredLog = {
      kept: { ticketId: 'a', firedAt: t0 - day },
      gone: { ticketId: 'b', firedAt: t0 - day - 1 },
      scheduled: { ticketId: 'c', firedAt: t0 - 30 * day },
    };
    expect(pruneFiredLog(log, [spec({ ticketId: 'c' })], t0, day)).toEqual({ kept: log['kept'], scheduled: log['scheduled'] });
    expect(pruneFiredLog({ kept: log['kept']! }, [], t0, day)).toEqual({ kept: log['kept'] });
  });
});
