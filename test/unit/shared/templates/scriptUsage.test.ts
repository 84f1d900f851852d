import { describe, expect, it } from 'vitest';
import { scriptUsage } from '#shared/templates/index.ts';

describe('scriptUsage: counted from the timeline', () => {
  it('counts the events written from each script and remembers the latest use; other events do not count', () => {
    const usage = scriptUsage([
      { at: 10, data: { templateId: 'a' } },
      { at: 30, data: { templateId: 'a' } },
      { at: 20, data: { templateId: 'b' } },
      { at: 40, data: {} },
      { at: 50, data: { templateId: '' } },
      { at: 60, data: { templateId: 7 } },
    ]);
    expect(Object.fromEntries(usage)).toEqual({ a: { count: 2, lastUsedAt: 30 }, b: { count: 1, lastUsedAt: 20 } });
  });
});
