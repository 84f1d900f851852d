/** Which scoped checkpoint a desk continues from: only one taken under the window it pulls with now. */
import { describe, expect, it } from 'vitest';
import { checkpointForWindow } from '../../../../renderer/src/sync/workingSetKeeper.ts';

describe('the checkpoint of a working-set pull', () => {
  const at = { id: 't-9', updatedAt: 1_700_000_000_000 };

  it('continues from a checkpoint taken under the same window, as the endpoint knows it', () => {
    expect(checkpointForWindow({ ...at, windowDays: 90 }, 90)).toEqual(at);
  });

  it('starts over under a wider window: it holds tickets skipped with no write since', () => {
    expect(checkpointForWindow({ ...at, windowDays: 30 }, 90)).toBeNull();
  });

  it('starts over under a narrower window: the drop has removed tickets the old checkpoint counts as held', () => {
    expect(checkpointForWindow({ ...at, windowDays: 90 }, 30)).toBeNull();
  });

  it('starts over from a checkpoint of a whole-collection pull, and from none', () => {
    expect(checkpointForWindow(at, 90)).toBeNull();
    expect(checkpointForWindow(null, 90)).toBeNull();
    expect(checkpointForWindow(undefined, 90)).toBeNull();
  });
});
