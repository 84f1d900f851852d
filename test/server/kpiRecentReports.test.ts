/**
 * The minute's cache of full KPI reports behind GET /api/reports/kpi/tickets: paging through a
 * figure computes the period once; an entry older than its time, a failed computation or one
 * pushed out by newer ones is computed again.
 */
import { describe, expect, it } from 'vitest';
import type { KpiReport } from '#shared/kpi/index.ts';
import { RecentReports } from '../../server/reports/kpiTicketList.ts';

function counter() {
  let built = 0;
  const build = () => {
    built++;
    return Promise.resolve({ asOf: built } as unknown as KpiReport);
  };
  return { build, built: () => built };
}

describe('RecentReports', () => {
  it('answers the same key from the first computation within its time', async () => {
    let now = 0;
    const recent = new RecentReports(60_000, 4, () => now);
    const c = counter();
    await recent.get('q3', c.build);
    now = 59_999;
    expect((await recent.get('q3', c.build)).asOf).toBe(1);
    expect(c.built()).toBe(1);
  });

  it('computes again once the time is up', async () => {
    let now = 0;
    const recent = new RecentReports(60_000, 4, () => now);
    const c = counter();
    await recent.get('q3', c.build);
    now = 60_000;
    expect((await recent.get('q3', c.build)).asOf).toBe(2);
  });

  it('keeps the newest few keys', async () => {
    const recent = new RecentReports(60_000, 2, () => 0);
    const c = counter();
    await recent.get('a', c.build);
    await recent.get('b', c.build);
    await recent.get('c', c.build);
    await recent.get('c', c.build);
    await recent.get('b', c.build);
    expect(c.built()).toBe(3);
    await recent.get('a', c.build);
    expect(c.built()).toBe(4);
  });

  it('does not keep a failed computation', async () => {
    const recent = new RecentReports(60_000, 4, () => 0);
    await expect(recent.get('q3', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    const c = counter();
    expect((await recent.get('q3', c.build)).asOf).toBe(1);
  });
});
