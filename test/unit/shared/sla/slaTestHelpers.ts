/**
 * Helpers for the SLA tests. Instants are built from ISO strings with explicit offsets, never
 * from the machine's local time, so the suite means the same under any TZ.
 */
import type { SlaTicket } from '../../../../shared/sla/index.ts';

/** An instant from a Moscow wall-clock time `YYYY-MM-DD HH:MM` (Moscow is UTC+3 all year since 2014). */
export function msk(text: string): number {
  return at(text, '+03:00');
}

/** An instant from a wall-clock time `YYYY-MM-DD HH:MM[:SS]` at a fixed UTC offset `±HH:MM`. */
export function at(text: string, offset: string): number {
  const [date, time = '00:00'] = text.split(' ');
  const iso = `${date}T${time.length === 5 ? `${time}:00` : time}${offset}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad test instant ${text}`);
  return t;
}

/** Moscow wall clock of an instant, `YYYY-MM-DD HH:MM` (seconds when not zero). */
export function showMsk(instant: number): string {
  const d = new Date(instant + 3 * 3_600_000).toISOString();
  const s = d.slice(17, 23) === '00.000' ? '' : `:${d.slice(17, 19)}`;
  return `${d.slice(0, 10)} ${d.slice(11, 16)}${s}`;
}

/** Every civil date of a year as `YYYY-MM-DD`, with its ISO weekday (1 = Monday), computed on the UTC axis. */
export function daysOf(year: number): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), weekday: ((new Date(t).getUTCDay() + 6) % 7) + 1 });
  }
  return out;
}

/** Expands `2025-01-01..2025-01-08` style ranges and single dates into dates. */
export function expandDates(specs: readonly string[]): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    const [from, to = from] = spec.split('..') as [string, string?];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
  }
  return out;
}

export function ticket(overrides: Partial<SlaTicket> & { createdAt: number }): SlaTicket {
  return {
    priority: 'standard',
    firstContactAt: null,
    resolvedAt: null,
    statusLog: [{ status: 'new', at: overrides.createdAt }],
    ...overrides,
  };
}
