import { describe, expect, it } from 'vitest';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { backoffDelay } from '../../../../renderer/src/sync/backoff.ts';

describe('server clock', () => {
  it('estimates the offset at the midpoint of the request', () => {
    let local = 1_000_000;
    const clock = new ServerClock(() => local);
    clock.addSample(1_000_000 + 5_000 + 50, 1_000_000, 1_000_100);
    expect(clock.offset).toBe(5_000);
    local = 2_000_000;
    expect(clock.now()).toBe(2_005_000);
  });

  it("narrows a Date header's second to a few milliseconds as answers arrive at different fractions of it", () => {
    const trueOffset = 60_250;
    const clock = new ServerClock(() => 0);
    for (let k = 0; k < 16; k++) {
      const sentAt = 1_000_000 + k * 1_137;
      const receivedAt = sentAt + 8;
      const serverRead = sentAt + 4 + trueOffset;
      clock.addDateHeader(new Date(Math.floor(serverRead / 1000) * 1000).toUTCString(), sentAt, receivedAt);
    }
    expect(Math.abs(clock.offset - trueOffset)).toBeLessThanOrEqual(50);
  });

  it('starts over when the newest answer disagrees with the older ones (the local clock was changed)', () => {
    const clock = new ServerClock(() => 0);
    for (const off of [100, 100, 100]) clock.addSample(10_000 + off, 9_990, 10_010);
    expect(clock.offset).toBe(100);
    clock.addSample(10_000 + 30_000, 9_990, 10_010);
    expect(clock.offset).toBe(30_000);
    clock.addSample(10_000 + 30_005, 9_990, 10_010);
    expect(Math.abs(clock.offset - 30_002)).toBeLessThanOrEqual(3);
  });

  it('trusts the answers with the shortest round trips, so answers delayed by a busy page do not drag it', () => {
    const clock = new ServerClock(() => 0);
    // True offset 60 s. Quick answers (20-60 ms) and answers that waited 2-6 s before the page read them.
    clock.addSample(60_000 + 10, 0, 20);
    for (const wait of [2_000, 4_000, 6_000, 3_000, 5_000]) clock.addSample(60_000 + 10, 0, wait);
    clock.addSample(60_000 + 30, 0, 60);
    expect(Math.abs(clock.offset - 60_000)).toBeLessThanOrEqual(10);
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

  it('tells its listeners at once when the offset moves by a second or more, not for jitter', () => {
    const clock = new ServerClock(() => 0);
    const heard: number[] = [];
    const stop = clock.onChange((offset) => heard.push(offset));
    clock.addSample(3_600_000, 0, 0);
    expect(heard).toEqual([3_600_000]);
    clock.addSample(3_600_400, 0, 0);
    clock.addSample(3_600_300, 0, 0);
    expect(heard).toEqual([3_600_000]);
    for (let i = 0; i < 9; i++) clock.addSample(10, 0, 0);
    expect(heard).toEqual([3_600_000, 10]);
    stop();
    for (let i = 0; i < 9; i++) clock.addSample(-90_000, 0, 0);
    expect(heard).toEqual([3_600_000, 10]);
    expect(clock.offset).toBe(-90_000);
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
