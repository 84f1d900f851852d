/**
 * The bench's stand-in for the desk's search worker (renderer/src/features/kb/kbSearch.worker.ts):
 * the same index built and queried in a worker thread, so the bench can time the build off the
 * main thread and what the main thread pays meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createKbIndex, searchKb, syncKbIndex, type KbSearchDoc } from '#shared/search/kbSearch.ts';

const index = createKbIndex();

parentPort!.on('message', (message: { type: 'build'; docs: KbSearchDoc[] } | { type: 'search'; query: string }) => {
  if (message.type === 'build') {
    const start = performance.now();
    syncKbIndex(index, message.docs);
    parentPort!.postMessage({ type: 'built', ms: performance.now() - start });
  } else {
    parentPort!.postMessage({
      type: 'hits',
      ids: searchKb(index, message.query)
        .slice(0, 10)
        .map((h) => h.id),
    });
  }
});
