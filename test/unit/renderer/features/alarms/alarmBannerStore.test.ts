/** The in-window banners: one per ticket and deadline, the newest; gone when the alarm is no longer due. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlarmSpec, FiredAlarm } from '../../../../../shared/host.ts';
import { needsBanner, useAlarmBannerStore } from '../../../../../renderer/src/features/alarms/alarmBannerStore.ts';
import { minute, spec, t0 } from '../../../shared/alarms/alarmFactory.ts';

const fired = (partial: Partial<AlarmSpec> = {}, firedAt = t0): FiredAlarm => ({
  ...spec(partial),
  firedAt,
  late: false,
  shownNatively: true,
});
const shown = () => useAlarmBannerStore.getState().banners.map((b) => `${b.ticketId}:${b.metric}:${b.stage}`);

describe('alarm banners', () => {
  beforeEach(() => useAlarmBannerStore.getState().dismissAll());

  it("keeps one banner per ticket and deadline: an emergency's warning replaces its arrival, the breach the warning", () => {
    const store = useAlarmBannerStore.getState();
    store.show(fired({ metric: 'arrival', stage: 'arrived' }));
    store.show(fired({ ticketId: 't2', metric: 'arrival', stage: 'arrived' }, t0 + minute));
    expect(shown()).toEqual(['t2:arrival:arrived', 't1:arrival:arrived']);
    store.show(fired({ metric: 'firstContact', stage: 'warning' }, t0 + 10 * minute));
    expect(shown()).toEqual(['t1:firstContact:warning', 't2:arrival:arrived']);
    store.show(fired({ metric: 'firstContact', stage: 'breached' }, t0 + 15 * minute));
    expect(shown()).toEqual(['t1:firstContact:breached', 't2:arrival:arrived']);
    // Another deadline of the same ticket is news of its own.
    store.show(fired({ metric: 'resolution', stage: 'warning' }, t0 + 200 * minute));
    expect(shown()).toEqual(['t1:resolution:warning', 't1:firstContact:breached', 't2:arrival:arrived']);
  });

  it('drops the banners whose deadline left the schedule (contact logged, ticket taken by someone else)', () => {
    const store = useAlarmBannerStore.getState();
    store.show(fired({ metric: 'firstContact', stage: 'warning' }));
    store.show(fired({ ticketId: 't2', metric: 'firstContact', stage: 'warning' }));
    store.retainScheduled([spec({ ticketId: 't2', metric: 'firstContact', stage: 'breached' })]);
    expect(shown()).toEqual(['t2:firstContact:warning']);
  });

  it('shows every emergency in the window and a normal alarm only when the system could not', () => {
    expect(needsBanner(fired({ severity: 'critical' }))).toBe(true);
    expect(needsBanner({ ...fired({ severity: 'normal' }), shownNatively: true })).toBe(false);
    expect(needsBanner({ ...fired({ severity: 'normal' }), shownNatively: false })).toBe(true);
  });
});
