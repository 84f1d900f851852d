import { describe, expect, it } from 'vitest';
import { alarmsOnHostClock } from '#shared/alarms/hostClock.ts';
import { spec, t0 } from './alarmFactory.ts';

// Alarms move to the workstation's own clock by the server's offset; an unusable offset moves nothing.
describe('alarms on the workstation’s clock', () => {
  it('stay where they are with no offset or one that is not a number, in a list of their own', () => {
    const list = [spec({ ticketId: 'a', at: t0 }), spec({ ticketId: 'b', at: t0 + 1 })];
    for (const offset of [0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const moved = alarmsOnHostClock(list, offset);
      expect(moved).toEqual(list);
      expect(moved).not.toBe(list);
    }
  });
});
