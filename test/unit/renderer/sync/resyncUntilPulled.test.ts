/** A tickets walk goes on to its next part even when RxDB drops the request to pull again. */
import { describe, expect, it } from 'vitest';
import { resyncUntilPulled } from '../../../../renderer/src/sync/resyncUntilPulled.ts';

describe('asking to pull again until the pull handler runs', () => {
  it('asks once when the handler runs at the first request', async () => {
    let pulls = 0;
    let asked = 0;
    await resyncUntilPulled({ reSync: () => void (asked++, pulls++), pulls: () => pulls, current: () => true, everyMs: 50 });
    expect(asked).toBe(1);
  });

  it('asks again while requests are dropped, and stops once the handler has run', async () => {
    let pulls = 0;
    let asked = 0;
    // The first two requests are lost (RxDB took them out behind a stream's documents).
    const reSync = () => {
      asked++;
      if (asked === 3) setTimeout(() => pulls++, 10);
    };
    await resyncUntilPulled({ reSync, pulls: () => pulls, current: () => true, everyMs: 50, pollMs: 5 });
    expect([asked, pulls]).toEqual([3, 1]);
  });

  it('counts a pull the handler made for another reason as the walk going on', async () => {
    let pulls = 0;
    let asked = 0;
    setTimeout(() => pulls++, 20);
    await resyncUntilPulled({ reSync: () => void asked++, pulls: () => pulls, current: () => true, everyMs: 1_000, pollMs: 5 });
    expect(asked).toBe(1);
  });

  it('stops asking once the engine has stopped', async () => {
    let asked = 0;
    let current = true;
    setTimeout(() => (current = false), 120);
    await resyncUntilPulled({ reSync: () => void asked++, pulls: () => 0, current: () => current, everyMs: 50, pollMs: 5 });
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(4);
  });
});
