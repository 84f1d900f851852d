import { afterEach, describe, expect, it, vi } from 'vitest';

// The module keeps whether the first screen was shown: a fresh copy for each test.
async function freshFirstScreen() {
  vi.resetModules();
  return import('../../../../renderer/src/state/firstScreen.ts');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the alarm schedule waits for the queue’s first screen, within a bound', () => {
  it('goes on as soon as the first screen is marked', async () => {
    vi.useFakeTimers();
    const { afterFirstScreen, markFirstScreen } = await freshFirstScreen();
    let done = false;
    void afterFirstScreen(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(300);
    expect(done).toBe(false);
    markFirstScreen();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    // Later waits do not wait at all.
    let later = false;
    void afterFirstScreen(1000).then(() => (later = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(later).toBe(true);
  });

  it('goes on after the bound when no queue shows (another section, an empty queue)', async () => {
    vi.useFakeTimers();
    const { afterFirstScreen } = await freshFirstScreen();
    let done = false;
    void afterFirstScreen(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
