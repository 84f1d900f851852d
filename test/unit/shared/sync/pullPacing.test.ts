import { describe, expect, it } from 'vitest';
import { checkpointAtLeast, mustBeStoredBeforeNextPull } from '#shared/sync/pullPacing.ts';

describe('pull pacing', () => {
  it('orders checkpoints by updatedAt, then id', () => {
    expect(checkpointAtLeast({ updatedAt: 2, id: 'a' }, { updatedAt: 1, id: 'z' })).toBe(true);
    expect(checkpointAtLeast({ updatedAt: 1, id: 'b' }, { updatedAt: 1, id: 'a' })).toBe(true);
    expect(checkpointAtLeast({ updatedAt: 1, id: 'a' }, { updatedAt: 1, id: 'a' })).toBe(true);
    expect(checkpointAtLeast({ updatedAt: 1, id: 'a' }, { updatedAt: 1, id: 'b' })).toBe(false);
    expect(checkpointAtLeast({ updatedAt: 1, id: 'z' }, { updatedAt: 2, id: 'a' })).toBe(false);
    expect(checkpointAtLeast(null, { updatedAt: 0, id: '' })).toBe(false);
  });

  it('waits for the page returned `ahead` pages ago', () => {
    const p = (n: number) => ({ updatedAt: n, id: `d${n}` });
    expect(mustBeStoredBeforeNextPull([], 2)).toBeNull();
    expect(mustBeStoredBeforeNextPull([p(1)], 2)).toBeNull();
    expect(mustBeStoredBeforeNextPull([p(1), p(2)], 2)).toEqual(p(1));
    expect(mustBeStoredBeforeNextPull([p(1), p(2), p(3)], 2)).toEqual(p(2));
    expect(mustBeStoredBeforeNextPull([p(1), p(2), p(3)], 1)).toEqual(p(3));
  });
});
