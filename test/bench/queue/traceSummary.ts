/**
 * Chromium traces for the queue benchmark (`--trace`): the renderer's main-thread work during one
 * phase, summed by trace event (style recalculation, layout, paint, script...), with the elements
 * restyled and the objects laid out, to see where a frame's time goes beyond JavaScript.
 */
import type { Browser, Page } from '@playwright/test';

const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories });
}

/** Stops tracing and returns a table of the main thread's events by total duration. */
export async function stopTrace(browser: Browser, frames: number, top = 20): Promise<string> {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return 'no renderer main thread in the trace';
  const own = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const byName = new Map<string, { ms: number; n: number }>();
  let elements = 0;
  let laidOut = 0;
  for (const e of own) {
    const entry = byName.get(e.name) ?? { ms: 0, n: 0 };
    entry.ms += e.dur! / 1000;
    entry.n += 1;
    byName.set(e.name, entry);
    if (e.name === 'UpdateLayoutTree') elements += e.args?.elementCount ?? 0;
    if (e.name === 'Layout') laidOut += e.args?.beginData?.dirtyObjects ?? 0;
  }
  const rows = [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
  const perFrame = (v: number) => (frames > 0 ? ` (${(v / frames).toFixed(2)} a frame)` : '');
  return [
    `main thread events (durations include nested events), ${frames} frames:`,
    ...rows.map(([name, { ms, n }]) => `  ${ms.toFixed(0).padStart(7)} ms  ${String(n).padStart(6)} x  ${name}${perFrame(ms)}`),
    `  elements restyled ${elements}${perFrame(elements)}, objects laid out ${laidOut}${perFrame(laidOut)}`,
  ].join('\n');
}
