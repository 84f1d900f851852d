/**
 * `npm run bench:search`: the knowledge base search, one keystroke's query over 5,000 articles
 * (target: well under 100 ms a query, so typing in the search field does not stall). Figures
 * only: a benchmark, not a timed test.
 */
import { performance } from 'node:perf_hooks';
import { buildKbIndex, searchKb, type KbSearchDoc } from '#shared/search/kbSearch.ts';

const articles = 5_000;
const queries = 200;
const targetMs = 100;

const body = 'Проверьте питание контроллера, подключение камеры и список номеров автомобилей. '.repeat(20);
const docs: KbSearchDoc[] = [];
for (let i = 0; i < articles; i++) {
  docs.push({
    id: `a${i}`,
    title: `Статья ${i}: ${i % 2 ? 'шлагбаум' : 'турникет'} на объекте`,
    body,
    tags: [],
    product: null,
    status: 'published',
    summary: null,
    editedAt: 1000,
    updatedAt: 1,
  });
}

const builtAt = performance.now();
const index = buildKbIndex(docs);
const buildMs = performance.now() - builtAt;

// Warm-up: lets the JIT settle; not measured.
let hits = 0;
for (let i = 0; i < 20; i++) hits += searchKb(index, 'шлагбаума камер').length;

const times: number[] = [];
for (let i = 0; i < queries; i++) {
  const s = performance.now();
  hits += searchKb(index, i % 2 ? 'шлагбаума камер' : 'турникет контроллер').length;
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;

console.log(`KB search, ${articles} articles (${hits} hits in all)`);
console.table([
  { figure: 'index build', value: `${buildMs.toFixed(1)} ms`, target: '' },
  { figure: 'query p50', value: `${at(50).toFixed(2)} ms`, target: '' },
  { figure: 'query p95', value: `${at(95).toFixed(2)} ms`, target: `< ${targetMs} ms` },
  { figure: 'query max', value: `${times[times.length - 1]!.toFixed(2)} ms`, target: '' },
]);
