import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlarmLoop, defaultCheckIntervalMs } from '../../../../../electron/main/alarms/alarmLoop.ts';
import type { FiredLogStore } from '../../../../../electron/main/alarms/alarmLoop.ts';
import { buildAlarmSpecs } from '../../../../../shared/alarms/buildAlarmSpecs.ts';
import type { DueAlarm, FiredLog } from '../../../../../shared/alarms/alarmScheduler.ts';
import { defaultAlarmThresholds } from '../../../../../shared/host.ts';
import { emergency, minute, spec, t0 } from '../../../shared/alarms/alarmFactory.ts';

/** A store that behaves like the file on disk: it hands back a copy of what was saved. */
function memoryStore(initial: FiredLog = {}): FiredLogStore & { saved: FiredLog } {
  return {
    saved: initial,
    load() {
      return JSON.parse(JSON.stringify(this.saved)) as FiredLog;
    },
    save(log) {
      this.saved = JSON.parse(JSON.stringify(log)) as FiredLog;
    },
  };
}

interface Fired {
  key: string;
  at: number;
  firedAt: number;
  late: boolean;
}

function startLoop(store = memoryStore()) {
  const fired: Fired[] = [];
  const loop = new AlarmLoop({
    store,
    onFire: ({ alarm, late }: DueAlarm, firedAt) =>
      fired.push({ key: `${alarm.metric}:${alarm.stage}`, at: alarm.at, firedAt, late }),
  });
  loop.start();
  return { loop, fired, store };
}

const emergencyAlarms = buildAlarmSpecs([emergency()], { thresholds: defaultAlarmThresholds, onShift: true, agentId: 'me' });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  // Off the 15 s grid, so an alarm that waited for the interval check would show its latency.
  vi.setSystemTime(t0 - 53_300);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('AlarmLoop (the main-process scheduler)', () => {
  it('fires every emergency threshold on its instant, once, with no latency from the 15 s check', () => {
    const { loop, fired } = startLoop();
    loop.replace(emergencyAlarms);
    vi.advanceTimersByTime(5 * 60 * minute);
    expect(fired.map((f) => [f.key, (f.at - t0) / minute, f.firedAt - f.at, f.late])).toEqual([
      ['arrival:arrived', 0, 0, false],
      ['firstContact:warning', 10, 0, false],
      ['firstContact:breached', 15, 0, false],
      ['resolution:warning', 210, 0, false],
      ['resolution:breached', 240, 0, false],
    ]);
    // The renderer keeps sending the same list: nothing fires twice.
    loop.replace(emergencyAlarms);
    vi.advanceTimersByTime(60 * minute);
    expect(fired).toHaveLength(5);
  });

  it('fires an alarm that is already due when the list arrives at once (an emergency synced from another desk)', () => {
    const { loop, fired } = startLoop();
    vi.setSystemTime(t0 + 2_000);
    loop.replace([spec({ metric: 'arrival', stage: 'arrived', at: t0 })]);
    expect(fired).toEqual([{ key: 'arrival:arrived', at: t0, firedAt: t0 + 2_000, late: false }]);
  });

  it('after sleep the 15 s check fires what was missed, once, marked late', () => {
    const { loop, fired } = startLoop();
    loop.replace(emergencyAlarms);
    // The machine sleeps from before the emergency until minute 40: the wall clock jumps, timers did not run.
    vi.setSystemTime(t0 + 40 * minute);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(defaultCheckIntervalMs);
    expect(fired.map((f) => [f.key, f.late])).toEqual([
      ['arrival:arrived', true],
      ['firstContact:breached', true],
    ]);
    vi.advanceTimersByTime(10 * minute);
    expect(fired).toHaveLength(2);
  });

  it('a resume or unlock check fires at once, without waiting for the interval', () => {
    const { loop, fired } = startLoop();
    loop.replace(emergencyAlarms);
    vi.setSystemTime(t0 + 12 * minute);
    loop.check('resume');
    expect(fired.map((f) => [f.key, f.late])).toEqual([
      ['arrival:arrived', true],
      ['firstContact:warning', true],
    ]);
  });

  it('remembers fired alarms across a restart', () => {
    const store = memoryStore();
    const first = startLoop(store);
    first.loop.replace(emergencyAlarms);
    vi.advanceTimersByTime(11 * minute);
    expect(first.fired).toHaveLength(2);
    first.loop.stop();

    const second = startLoop(store);
    second.loop.replace(emergencyAlarms);
    vi.advanceTimersByTime(5 * minute);
    expect(second.fired.map((f) => f.key)).toEqual(['firstContact:breached']);
  });

  it('cancels pending alarms when the new list lacks them (contact logged at minute 8)', () => {
    const { loop, fired } = startLoop();
    loop.replace(emergencyAlarms);
    vi.advanceTimersByTime(9 * minute);
    const contacted = buildAlarmSpecs([emergency({ firstContactAt: t0 + 8 * minute })], {
      thresholds: defaultAlarmThresholds,
      onShift: true,
      agentId: 'me',
    });
    const cancelled = loop.replace(contacted);
    expect(cancelled.map((a) => `${a.metric}:${a.stage}`)).toEqual(['firstContact:warning', 'firstContact:breached']);
    vi.advanceTimersByTime(60 * minute);
    expect(fired.map((f) => f.key)).toEqual(['arrival:arrived']);
  });

  it('records an alarm in the store before raising it, and one failing notification does not stop the others', () => {
    const store = memoryStore();
    const seen: string[] = [];
    const loop = new AlarmLoop({
      store,
      onFire: ({ alarm }) => {
        seen.push(`${alarm.ticketId} saved=${Object.keys(store.saved).some((k) => k.startsWith(alarm.ticketId))}`);
        if (alarm.ticketId === 'a') throw new Error('notification daemon crashed');
      },
      log: () => {},
    });
    loop.start();
    loop.replace([spec({ ticketId: 'a', at: t0 }), spec({ ticketId: 'b', at: t0 })]);
    vi.advanceTimersByTime(2 * minute);
    expect(seen).toEqual(['a saved=true', 'b saved=true']);
  });

  it('stop() leaves no timers behind', () => {
    const { loop } = startLoop();
    loop.replace(emergencyAlarms);
    loop.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
