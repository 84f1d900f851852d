/**
 * Wall clock and instants in a time zone: the names the platform knows, a zone's offset to the
 * second, and a wall time mapped to its instant as Temporal's 'compatible' does (the earlier of a
 * time that occurs twice, past the gap for a time that never occurs).
 */
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, wallClockToInstant, zoneOffsetMs } from '#shared/sla/timeZone.ts';

const hour = 3_600_000;
const ny = 'America/New_York';
const wall = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);

describe('a time zone’s name', () => {
  it('is valid when the platform knows it', () => {
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('is not when empty, unknown or not a text', () => {
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone(3 as unknown as string)).toBe(false);
    // Intl would take an absent zone for the machine's own.
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });
});

describe('a zone’s offset at an instant', () => {
  it('is its wall clock minus UTC, in either direction and in halves of an hour', () => {
    expect(zoneOffsetMs('Europe/Moscow', Date.UTC(2026, 10, 23, 7))).toBe(3 * hour);
    expect(zoneOffsetMs(ny, Date.UTC(2026, 0, 15, 12))).toBe(-5 * hour);
    expect(zoneOffsetMs(ny, Date.UTC(2026, 6, 15, 12))).toBe(-4 * hour);
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5 * hour);
  });

  it('is read right in the first hour of the local day and across the local New Year', () => {
    // 00:30 on 23 November in Moscow; 00:30 on 1 January 2027 in Moscow (still 2026 in UTC).
    expect(zoneOffsetMs('Europe/Moscow', Date.UTC(2026, 10, 22, 21, 30))).toBe(3 * hour);
    expect(zoneOffsetMs('Europe/Moscow', Date.UTC(2026, 11, 31, 21, 30))).toBe(3 * hour);
  });

  it('is exact to the second, whatever the milliseconds of the instant', () => {
    // Moscow mean time, +2:30:17, in 1900.
    expect(zoneOffsetMs('Europe/Moscow', Date.UTC(1900, 0, 1))).toBe(2 * hour + 30 * 60_000 + 17_000);
    expect(zoneOffsetMs('Europe/Moscow', Date.UTC(2026, 10, 23, 7, 0, 0, 999))).toBe(3 * hour);
  });
});

describe('the instant a wall time in a zone stands for', () => {
  it('an ordinary wall time, with or without a hint, right or wrong', () => {
    const moscow10 = Date.UTC(2026, 10, 23, 7);
    expect(wallClockToInstant('Europe/Moscow', wall(2026, 11, 23, 10))).toBe(moscow10);
    expect(wallClockToInstant('Europe/Moscow', wall(2026, 11, 23, 10), 3 * hour)).toBe(moscow10);
    expect(wallClockToInstant('Europe/Moscow', wall(2026, 11, 23, 10), 0)).toBe(moscow10);
  });

  it('the hour before and after clocks go forward', () => {
    expect(wallClockToInstant(ny, wall(2026, 3, 8, 1))).toBe(Date.UTC(2026, 2, 8, 6));
    expect(wallClockToInstant(ny, wall(2026, 3, 8, 4))).toBe(Date.UTC(2026, 2, 8, 8));
  });

  it('a wall time the clocks skip: as far past the gap as it was into it', () => {
    expect(wallClockToInstant(ny, wall(2026, 3, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(wallClockToInstant(ny, wall(2026, 3, 8, 2, 30), -5 * hour)).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it('a wall time that occurs twice when clocks go back: the earlier, whichever offset is hinted', () => {
    expect(wallClockToInstant(ny, wall(2026, 11, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(wallClockToInstant(ny, wall(2026, 11, 1, 1, 30), -5 * hour)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(wallClockToInstant(ny, wall(2026, 11, 1, 1, 30), -4 * hour)).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });

  it('a wall time just after clocks went back, hinted with the new offset', () => {
    expect(wallClockToInstant(ny, wall(2026, 11, 1, 3), -5 * hour)).toBe(Date.UTC(2026, 10, 1, 8));
    expect(wallClockToInstant(ny, wall(2026, 11, 1, 3), -4 * hour)).toBe(Date.UTC(2026, 10, 1, 8));
  });
});
