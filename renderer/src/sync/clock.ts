/**
 * The server's clock as seen from here. SLA countdowns and alarms use server time, so a
 * workstation whose clock is off does not miss a deadline. Each response gives a sample:
 * offset = serverTime - midpoint of the request. The `Date` header has one-second resolution;
 * a millisecond `now` (GET /api/health) is preferred when present.
 *
 * A sample is only as good as its round trip: an answer that waited for a busy main thread (the
 * first sync writing thousands of documents) or in the browser's connection queue shifts its
 * midpoint by up to half the wait. So, as NTP's clock filter does, only the samples with the
 * shortest round trips among the recent ones count, and their median is the offset.
 */
export const skewWarningMs = 2 * 60_000;
const maxSamples = 9;
/** Samples whose round trip is within this of the shortest recent one count (see above). */
const roundTripToleranceMs = 100;
/** A change of the offset this large is told to listeners at once (smaller drift: at their next poll). */
export const offsetNoticeMs = 1_000;

export class ServerClock {
  private samples: Array<{ offset: number; roundTrip: number }> = [];
  private offsetMs = 0;
  private readonly localNow: () => number;
  private readonly listeners = new Set<(offsetMs: number) => void>();
  private noticedOffsetMs = 0;

  constructor(localNow: () => number = Date.now) {
    this.localNow = localNow;
  }

  /** Milliseconds to add to the local clock to get server time. */
  get offset(): number {
    return this.offsetMs;
  }

  /** Current server-corrected instant. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** True when the local clock differs from the server's by more than two minutes. */
  get skewed(): boolean {
    return Math.abs(this.offsetMs) > skewWarningMs;
  }

  /** Adds a sample: the server's time and when the request was sent and answered (local clock). */
  addSample(serverTime: number, sentAt: number, receivedAt: number): void {
    if (!Number.isFinite(serverTime) || receivedAt < sentAt) return;
    this.samples.push({ offset: serverTime - (sentAt + receivedAt) / 2, roundTrip: receivedAt - sentAt });
    if (this.samples.length > maxSamples) this.samples.shift();
    const shortest = Math.min(...this.samples.map((x) => x.roundTrip));
    const sorted = this.samples
      .filter((x) => x.roundTrip <= shortest + roundTripToleranceMs)
      .map((x) => x.offset)
      .sort((a, b) => a - b);
    this.offsetMs = Math.round(sorted[Math.floor(sorted.length / 2)]!);
    if (Math.abs(this.offsetMs - this.noticedOffsetMs) >= offsetNoticeMs) {
      this.noticedOffsetMs = this.offsetMs;
      for (const listener of [...this.listeners]) listener(this.offsetMs);
    }
  }

  /**
   * Calls `listener` when the offset moves by a second or more, so the countdowns and alarms of a
   * workstation whose clock is off are corrected with the first answer, not at the next poll.
   */
  onChange(listener: (offsetMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A sample from a `Date` header (second resolution: its midpoint is used). */
  addDateHeader(header: string | null, sentAt: number, receivedAt: number): void {
    if (!header) return;
    const t = Date.parse(header);
    if (Number.isNaN(t)) return;
    // The header truncates to the second; the true time lies in [t, t + 1000).
    this.addSample(t + 500, sentAt, receivedAt);
  }
}
