/**
 * `npm run bench:sla`: the SLA engine's speed (targets: addWorkingMinutes median <= 5 µs
 * a call, computeSla for 50,000 tickets <= 300 ms). Random but seeded, so runs compare.
 */
import { performance } from 'node:perf_hooks';
import type { Priority } from '../../../shared/vocabulary/enums.ts';
import {
  addWorkingMinutes,
  computeSla,
  defaultRussianCalendar,
  defaultSlaPolicies,
  type SlaTicket,
} from '../../../shared/sla/index.ts';

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cal = defaultRussianCalendar();
const policies = defaultSlaPolicies();
const from = Date.parse('2025-01-01T00:00:00+03:00');
const to = Date.parse('2027-01-01T00:00:00+03:00');
const minute = 60_000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// --- addWorkingMinutes: 100,000 calls, random starts in 2025-2026, 15 minutes to 5 days.
const calls = 100_000;
const rnd = random(20260112);
const starts = new Float64Array(calls);
const amounts = new Float64Array(calls);
for (let i = 0; i < calls; i++) {
  starts[i] = Math.floor(from + rnd() * (to - from));
  amounts[i] = 15 + Math.floor(rnd() * (5 * 1440 - 15 + 1));
}
let sink = 0;
// Warm-up: builds the year index and lets the JIT settle; not measured.
for (let i = 0; i < 20_000; i++) sink += addWorkingMinutes(cal, starts[i]!, amounts[i]!);

// Timed in batches of 100 calls (a single call is below the timer's resolution); the median batch
// gives the median per-call time.
const batch = 100;
const perCall: number[] = [];
const t0 = performance.now();
for (let b = 0; b < calls; b += batch) {
  const s = performance.now();
  for (let i = b; i < b + batch; i++) sink += addWorkingMinutes(cal, starts[i]!, amounts[i]!);
  perCall.push(((performance.now() - s) * 1000) / batch);
}
const totalMs = performance.now() - t0;

// --- computeSla: 50,000 tickets with realistic histories.
const statuses = ['in_progress', 'waiting_client', 'in_progress', 'escalation_requested', 'escalated', 'in_progress'];
const priorities: Priority[] = ['emergency', 'standard', 'standard', 'consultation'];
function makeTickets(n: number, seed: number): { ticket: SlaTicket; now: number }[] {
  const r = random(seed);
  const out: { ticket: SlaTicket; now: number }[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = Math.floor(from + r() * (to - from - 10 * 86_400_000));
    const priority = priorities[Math.floor(r() * priorities.length)]!;
    const statusLog: { status: string; at: number }[] = [{ status: 'new', at: createdAt }];
    let at = createdAt;
    const changes = Math.floor(r() * 5);
    for (let k = 0; k < changes; k++) {
      at += Math.floor(r() * 2 * 86_400_000);
      statusLog.push({ status: statuses[Math.floor(r() * statuses.length)]!, at });
    }
    let resolvedAt: number | null = null;
    if (r() < 0.4) {
      at += Math.floor(r() * 86_400_000);
      resolvedAt = at;
      statusLog.push({ status: 'resolved', at });
    }
    const firstContactAt = r() < 0.7 ? createdAt + Math.floor(r() * 30 * minute) : null;
    const now = at + Math.floor(r() * 2 * 86_400_000);
    out.push({ ticket: { createdAt, priority, firstContactAt, resolvedAt, statusLog }, now });
  }
  return out;
}
const ticketCount = 50_000;
for (const { ticket, now } of makeTickets(5_000, 1))
  sink += computeSla(ticket, policies[ticket.priority], cal, now).resolution.dueAt;
const tickets = makeTickets(ticketCount, 2);
const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const s = performance.now();
  for (const { ticket, now } of tickets) sink += computeSla(ticket, policies[ticket.priority], cal, now).resolution.dueAt;
  runs.push(performance.now() - s);
}

console.log(
  `addWorkingMinutes: ${calls.toLocaleString('en')} calls, median ${median(perCall).toFixed(3)} µs/call ` +
    `(mean ${((totalMs * 1000) / calls).toFixed(3)} µs, target <= 5 µs)`,
);
console.log(
  `computeSla: ${ticketCount.toLocaleString('en')} tickets in ${median(runs).toFixed(1)} ms ` +
    `(median of ${runs.length} runs: ${runs.map((r) => r.toFixed(0)).join(', ')} ms; target <= 300 ms)`,
);
if (sink === 42) console.log('');
