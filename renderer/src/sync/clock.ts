/**
 * The server's clock as seen from here. SLA countdowns and alarms use server time, so a
 * workstation whose clock is off does not miss a deadline. Each response gives a sample:
 * offset = serverTime - midpoint of the request. The `Date` header has one-second resolution;
 * a millisecond `now` (GET /api/health) is preferred when present. The median of recent samples
 * damps network jitter.
 */
export const skewWarningMs = 2 * 60_000;
const maxSamples = 9;

export class ServerClock {
  private samples: number[] = [];
  private offsetMs = 0;
  private readonly localNow: () => number;

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
    const sample = serverTime - (sentAt + receivedAt) / 2;
    this.samples.push(sample);
    if (this.samples.length > maxSamples) this.samples.shift();
    const sorted = [...this.samples].sort((a, b) => a - b);
    this.offsetMs = Math.round(sorted[Math.floor(sorted.length / 2)]!);
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
