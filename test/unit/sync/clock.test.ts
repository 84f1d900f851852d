import { describe, expect, it } from 'vitest';
import { ServerClock } from '../../../renderer/src/sync/clock.ts';
import { backoffDelay } from '../../../renderer/src/sync/backoff.ts';

describe('server clock', () => {
  it('estimates the offset at the midpoint of the request', () => {
    let local = 1_000_000;
    const clock = new ServerClock(() => local);
    clock.addSample(1_000_000 + 5_000 + 50, 1_000_000, 1_000_100);
    expect(clock.offset).toBe(5_000);
    local = 2_000_000;
    expect(clock.now()).toBe(2_005_000);
  });

  it('takes the median, so one slow answer does not move it', () => {
    const clock = new ServerClock(() => 0);
    for (const off of [100, 120, 90, 30_000, 110]) clock.addSample(10_000 + off, 10_000, 10_000);
    expect(clock.offset).toBe(110);
  });

  it('warns about a skew over two minutes, in either direction', () => {
    const ahead = new ServerClock(() => 0);
    ahead.addSample(0 + 121_000, 0, 0);
    expect(ahead.skewed).toBe(true);
    const fine = new ServerClock(() => 0);
    fine.addSample(119_000, 0, 0);
    expect(fine.skewed).toBe(false);
    const behind = new ServerClock(() => 0);
    behind.addSample(-200_000, 0, 0);
    expect(behind.skewed).toBe(true);
  });

  it('reads a Date header at its half-second midpoint', () => {
    const clock = new ServerClock(() => 0);
    const sent = Date.UTC(2026, 10, 22, 11, 0, 0);
    clock.addDateHeader(new Date(sent + 60_000).toUTCString(), sent, sent);
    expect(clock.offset).toBe(60_500);
    clock.addDateHeader('not a date', sent, sent);
    expect(clock.offset).toBe(60_500);
  });
});

describe('backoff', () => {
  it('doubles from half a second and stops at ten seconds, with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(1, () => 0.5)).toBe(1000);
    expect(backoffDelay(20, () => 0.5)).toBe(10_000);
    expect(backoffDelay(20, () => 1)).toBe(12_000);
    expect(backoffDelay(20, () => 0)).toBe(8_000);
  });
});
