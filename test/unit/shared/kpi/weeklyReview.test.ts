/** Which week's SLA review is due (docs/kpi.md, "The weekly review"): Mondays from 09:00 workspace time. */
import { describe, expect, it } from 'vitest';
import { dueReviewWeek } from '#shared/kpi/index.ts';
import { msk } from './kpiFixtures.ts';

const moscow = 'Europe/Moscow';

describe('the review due at an instant', () => {
  it('from Monday 09:00 is the week before, Monday to Sunday', () => {
    expect(dueReviewWeek(msk('2026-11-30 09:00'), moscow)).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      dueAt: msk('2026-11-30 09:00'),
    });
  });

  it('stays that week until the next Monday 09:00', () => {
    expect(dueReviewWeek(msk('2026-12-06 23:59'), moscow).from).toBe('2026-11-23');
    expect(dueReviewWeek(msk('2026-12-07 08:59'), moscow).from).toBe('2026-11-23');
  });

  it('on Monday before 09:00 is still the one due a week earlier', () => {
    expect(dueReviewWeek(msk('2026-11-30 08:59'), moscow)).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      dueAt: msk('2026-11-23 09:00'),
    });
  });

  it('follows the workspace’s wall clock, not UTC: 09:00 in Vladivostok is Sunday 23:00 UTC', () => {
    const at = Date.parse('2026-11-29T23:00:00Z');
    expect(dueReviewWeek(at, 'Asia/Vladivostok')).toEqual({ from: '2026-11-23', to: '2026-11-29', dueAt: at });
    expect(dueReviewWeek(at - 1, 'Asia/Vladivostok').from).toBe('2026-11-16');
  });
});
