/**
 * The bench's stand-in for the desk's search worker (renderer/src/features/kb/kbSearch.worker.ts):
 * the same index built and queried in a worker thread, so the bench can time the build off the
 * main thread and what the main thread pays meanwhile. Each answer also carries the thread's own
 * CPU time for the work, which a machine shared with other jobs inflates far less than wall time.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createKbIndex, searchKb, syncKbIndex, type KbSearchDoc } from '#shared/search/kbSearch.ts';
import { packHits } from '#shared/search/kbHitsWire.ts';

const index = createKbIndex();
const cpuMs = (): number => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

parentPort!.on('message', (message: { type: 'build'; docs: KbSearchDoc[] } | { type: 'search'; query: string }) => {
  const start = performance.now();
  const cpu = cpuMs();
  if (message.type === 'build') {
    syncKbIndex(index, message.docs);
    parentPort!.postMessage({ type: 'built', ms: performance.now() - start, cpu: cpuMs() - cpu });
  } else {
    const hits = packHits(searchKb(index, message.query));
    parentPort!.postMessage({ type: 'hits', hits, ms: performance.now() - start, cpu: cpuMs() - cpu });
  }
});
