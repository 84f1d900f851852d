import { describe, expect, it } from 'vitest';
import { alarmsOnHostClock } from '#shared/alarms/hostClock.ts';
import { spec, t0 } from './alarmFactory.ts';

describe('alarmsOnHostClock', () => {
  it('fires earlier on a workstation whose clock is behind the server', () => {
    // offset = server - local = +2 min: the local clock reads t0 - 2 min when the server reads t0.
    expect(alarmsOnHostClock([spec({ at: t0 })], 120_000)[0]!.at).toBe(t0 - 120_000);
  });

  it('fires later on a workstation whose clock is ahead, and leaves the input alone', () => {
    const list = [spec({ at: t0 })];
    expect(alarmsOnHostClock(list, -30_000)[0]!.at).toBe(t0 + 30_000);
    expect(list[0]!.at).toBe(t0);
  });
});
