import { describe, expect, it } from 'vitest';
import { waitingAge } from '../../../../../renderer/src/features/approvals/waitingAge.ts';

const minute = 60_000;

describe('waitingAge', () => {
  it.each([
    [0, { unit: 'lessThanMinute', count: 0 }],
    [59_999, { unit: 'lessThanMinute', count: 0 }],
    [minute, { unit: 'minutes', count: 1 }],
    [59 * minute, { unit: 'minutes', count: 59 }],
    [60 * minute, { unit: 'hours', count: 1 }],
    [47 * 60 * minute + 59 * minute, { unit: 'hours', count: 47 }],
    [48 * 60 * minute, { unit: 'days', count: 2 }],
    [-5 * minute, { unit: 'lessThanMinute', count: 0 }],
  ])('%i ms waited reads as %o', (ms, age) => {
    expect(waitingAge(1_000_000_000, 1_000_000_000 + ms)).toEqual(age);
  });
});
