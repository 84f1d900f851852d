/**
 * Reads a ticket's status history as clock segments. The resolution clock runs in every status
 * except the pausing ones (paused: the time is kept aside and reported) and resolved/closed
 * (stopped: a reopen continues the clock where it stopped).
 */

export interface StatusEntry {
  readonly status: string;
  readonly at: number;
}

/** Statuses that stop the resolution clock: the ticket is done unless reopened. */
export const finishedStatuses: ReadonlySet<string> = new Set(['resolved', 'closed']);

export interface StatusTimeline {
  /** [start, end) pairs, flattened, in order: when the resolution clock ran, up to `end`. */
  readonly running: readonly number[];
  /** Wall-clock ms spent in pausing statuses up to `end`. */
  readonly pausedMs: number;
  /** The ticket is in a pausing status now. */
  readonly pausedNow: boolean;
  /** When the ticket last became resolved or closed, if it is so now; else null. */
  readonly finishedAt: number | null;
  /** finishedAt, or now (never before creation). */
  readonly end: number;
}

function isSorted(log: readonly StatusEntry[]): boolean {
  for (let i = 1; i < log.length; i++) if (log[i]!.at < log[i - 1]!.at) return false;
  return true;
}

/**
 * Entries after `now` are ignored (another machine's clock may run ahead); entries before
 * `createdAt` count from `createdAt`. A history that does not start at creation starts as `new`.
 * Without any history, `resolvedAt` (if set) is taken as the instant the ticket was finished.
 */
export function statusTimeline(
  createdAt: number,
  log: readonly StatusEntry[],
  resolvedAt: number | null,
  pausing: readonly string[],
  now: number,
): StatusTimeline {
  const entries = isSorted(log) ? log : [...log].sort((a, b) => a.at - b.at);
  let count = entries.length;
  while (count > 0 && entries[count - 1]!.at > now) count--;

  if (count === 0) {
    const finishedAt = resolvedAt !== null && resolvedAt <= now ? Math.max(resolvedAt, createdAt) : null;
    const end = finishedAt ?? Math.max(now, createdAt);
    return { running: [createdAt, end], pausedMs: 0, pausedNow: false, finishedAt, end };
  }

  // The final run of finished statuses, if the ticket is finished now.
  let finishedAt: number | null = null;
  if (finishedStatuses.has(entries[count - 1]!.status)) {
    let i = count - 1;
    while (i > 0 && finishedStatuses.has(entries[i - 1]!.status)) i--;
    finishedAt = Math.max(entries[i]!.at, createdAt);
  }
  const end = finishedAt ?? Math.max(now, createdAt);

  const running: number[] = [];
  let pausedMs = 0;
  let status = entries[0]!.at > createdAt ? 'new' : entries[0]!.status;
  let from = createdAt;
  const close = (to: number) => {
    const a = Math.min(from, end);
    const b = Math.min(Math.max(to, from), end);
    if (b <= a) return;
    if (pausing.includes(status)) pausedMs += b - a;
    else if (!finishedStatuses.has(status)) {
      if (running.length > 0 && running[running.length - 1] === a) running[running.length - 1] = b;
      else running.push(a, b);
    }
  };
  for (let i = entries[0]!.at > createdAt ? 0 : 1; i < count; i++) {
    const e = entries[i]!;
    const at = Math.max(e.at, createdAt);
    close(at);
    from = Math.max(from, at);
    status = e.status;
  }
  close(end);
  return { running, pausedMs, pausedNow: finishedAt === null && pausing.includes(status), finishedAt, end };
}
