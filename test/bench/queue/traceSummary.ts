/**
 * Chromium traces for the queue benchmark (`--trace`): the renderer's main-thread work during one
 * phase, summed by trace event (style recalculation, layout, paint, script...), with the elements
 * restyled and the objects laid out, to see where a frame's time goes beyond JavaScript.
 */
import type { Browser, Page } from '@playwright/test';

const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    name?: string;
    elementCount?: number;
    beginData?: { dirtyObjects?: number; totalObjects?: number };
    data?: { functionName?: string; url?: string; lineNumber?: number; type?: string; message?: string };
  };
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

function describe(e: TraceEvent): string {
  const d = e.args?.data;
  if (!d) return e.name;
  const where = d.url ? ` ${d.url.split('/').pop()}:${d.lineNumber ?? ''}` : '';
  return `${e.name}(${d.functionName ?? d.type ?? d.message ?? ''}${where})`;
}

/**
 * Stops tracing and lists the main thread's tasks between the user-timing mark `from` and the
 * last event named `to` (a measure's end), with the nested work that took most of each: what
 * the first render waits for.
 */
export async function stopTraceTasks(browser: Browser, from: string, to: string, minMs = 2): Promise<string> {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const start = traceEvents.find((e) => e.name === from);
  const ends = traceEvents.filter((e) => e.name === to);
  const end = ends[ends.length - 1];
  const main = traceEvents.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start?.pid,
  );
  if (!start || !end || !main) return `trace: no ${from} .. ${to} on a renderer main thread`;
  const own = traceEvents
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'RunTask' && e.ts + e.dur! >= start.ts && e.ts <= end.ts);
  let busy = 0;
  const lines: string[] = [];
  for (const task of tasks) {
    const ms = task.dur! / 1000;
    busy += ms;
    if (ms < minMs) continue;
    const inner = own
      .filter(
        (e) =>
          e !== task &&
          e.ts >= task.ts &&
          e.ts + e.dur! <= task.ts + task.dur! &&
          e.dur! / 1000 >= ms * 0.25 &&
          /FunctionCall|EvaluateScript|TimerFire|EventDispatch|Layout|UpdateLayoutTree|Paint|ParseHTML|v8\.|GC|FireAnimationFrame|RunMicrotasks/.test(
            e.name,
          ),
      )
      .slice(0, 4)
      .map((e) => `${describe(e)} ${(e.dur! / 1000).toFixed(1)}`);
    lines.push(
      `  +${((task.ts - start.ts) / 1000).toFixed(0).padStart(5)} ms  ${ms.toFixed(1).padStart(6)} ms  ${inner.join(' > ')}`,
    );
  }
  return [
    `main-thread tasks from ${from} to ${to}: ${((end.ts - start.ts) / 1000).toFixed(0)} ms, busy ${busy.toFixed(0)} ms; tasks of ${minMs} ms or more:`,
    ...lines,
  ].join('\n');
}
