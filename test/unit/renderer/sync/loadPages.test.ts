/**
 * The bulk load's page loop fetches the next page while it stores one: a page that fails
 * meanwhile fails the load when its turn comes, and is never left as an unhandled rejection
 * (vitest fails a run on one).
 */
import { expect, it } from 'vitest';
import type { Checkpoint, PullResponse } from '#shared/protocol.ts';
import { loadPages } from '../../../../renderer/src/sync/bulkLoad.ts';

type Doc = { id: string; updatedAt: number };
const page = (from: number, n: number): PullResponse<Doc> => {
  const documents = Array.from({ length: n }, (_, i) => ({ id: `d${from + i}`, updatedAt: from + i, _deleted: false }));
  const last = documents.at(-1);
  return { documents, checkpoint: last ? { id: last.id, updatedAt: last.updatedAt } : null };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('fails the load with the error of a page fetched ahead, after storing the page before it', async () => {
  const stored: string[] = [];
  const progress: Checkpoint[] = [];
  const load = loadPages<Doc>({
    pageSize: 2,
    fetchPage: async (after) => {
      if (!after) return page(0, 2);
      throw new Error('соединение прервано');
    },
    store: async (bulk) => {
      // Slower than the failing fetch ahead: it rejects while this page is being stored.
      await sleep(50);
      stored.push(...bulk.map((d) => d.id));
      return bulk.length;
    },
    onProgress: (checkpoint) => progress.push(checkpoint),
  });
  await expect(load).rejects.toThrow('соединение прервано');
  expect(stored).toEqual(['d0', 'd1']);
  expect(progress).toEqual([{ id: 'd1', updatedAt: 1 }]);
});

it('leaves no rejection behind when a store fails while the next page is being fetched', async () => {
  const load = loadPages<Doc>({
    pageSize: 2,
    fetchPage: async (after) => {
      if (!after) return page(0, 2);
      await sleep(20);
      throw new Error('соединение прервано');
    },
    store: async () => {
      throw new Error('база недоступна');
    },
  });
  await expect(load).rejects.toThrow('база недоступна');
  // The fetch ahead fails after the load has given up on it.
  await sleep(60);
});

it('loads every page from a checkpoint, and says it is complete at the short page', async () => {
  const asked: Array<string | null> = [];
  const res = await loadPages<Doc>({
    pageSize: 2,
    from: { id: 'd1', updatedAt: 1 },
    fetchPage: async (after) => {
      asked.push(after?.id ?? null);
      return after?.updatedAt === 1 ? page(2, 2) : page(4, 1);
    },
    store: async (bulk) => bulk.length,
  });
  expect(asked).toEqual(['d1', 'd3']);
  expect(res).toMatchObject({ stored: 3, complete: true, checkpoint: { id: 'd4', updatedAt: 4 }, last: { id: 'd4' } });
});
