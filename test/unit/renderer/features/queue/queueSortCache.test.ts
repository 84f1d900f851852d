import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ranksOfKeys } from '../../../../../renderer/src/features/queue/queueSortRanks.ts';
import { prepareSortRanks, sortRanksFor, type KeyRanker } from '../../../../../renderer/src/features/queue/queueSortCache.ts';
import { makeTicket } from '../../../../support/ticketFactory.ts';

// The preparation runs on timers: a fake clock runs every step of it, and only those, before a check.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());
const settle = () => vi.runAllTimersAsync();

describe('sort ranks prepared in the background', () => {
  it('ranks every column once, off the caller, and a later sort uses them as they are', async () => {
    const tickets = ['Турникет', 'шлагбаум', 'Камера', 'турникет'].map((subject, i) => makeTicket({ id: `t${i}`, subject }));
    const agentNames = new Map([['a1', 'Анна']]);
    const ranked: Array<Array<string | number>> = [];
    const ranker: KeyRanker = async (keys) => {
      ranked.push(keys);
      return ranksOfKeys(keys);
    };
    prepareSortRanks(tickets, agentNames, ranker);
    expect(ranked).toHaveLength(0);
    await settle();
    expect(ranked).toHaveLength(8);
    expect(ranked[0]).toEqual(['турникет', 'шлагбаум', 'камера', 'турникет']);
    const subject = sortRanksFor(tickets, 'subject', agentNames);
    expect([...subject.ranks]).toEqual([1, 2, 0, 1]);
    expect(subject.distinct).toBe(3);
    // Prepared again for the same tickets: nothing left to rank.
    prepareSortRanks(tickets, agentNames, ranker);
    await settle();
    expect(ranked).toHaveLength(8);
    // New agent names: the assignee column alone is ranked again.
    prepareSortRanks(tickets, new Map([['a1', 'Борис']]), ranker);
    await settle();
    expect(ranked).toHaveLength(9);
  });

  it('stops when told: the tickets changed again before it finished', async () => {
    const tickets = [makeTicket({ id: 't1' }), makeTicket({ id: 't2' })];
    let calls = 0;
    const stop = prepareSortRanks(tickets, new Map(), async (keys) => {
      calls++;
      return ranksOfKeys(keys);
    });
    stop();
    await settle();
    expect(calls).toBe(0);
  });

  it('ranks numbers before strings, equal keys alike', () => {
    expect(ranksOfKeys([3, 'b', -1, 'a', 3])).toEqual({ ranks: Int32Array.from([1, 3, 0, 2, 1]), distinct: 4 });
  });
});
