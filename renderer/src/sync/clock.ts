/**
 * The server's clock as seen from here. SLA countdowns and alarms use server time, so a
 * workstation whose clock is off does not miss a deadline, and two desks stamp their edits on
 * one time line ("the later edit wins" compares stamps from different desks).
 *
 * Each answer bounds the offset (server time - local time): the server read its clock somewhere
 * between the moment the request was sent and the moment the answer was read, so
 *   offset in [serverTime - receivedAt, serverTime - sentAt].
 * The `Date` header has one-second resolution, which widens that by the second it truncates
 * (/api/health's millisecond `now` does not). Every recent answer's bound holds at once, so the
 * offset lies in their intersection (Marzullo's idea, without outliers): answers delayed by a busy
 * page or a queued connection only give wide bounds and never drag it, and Date headers read at
 * different fractions of a second narrow it well below a second. The offset is the middle of the
 * intersection of the newest answers that still agree; an answer that agrees with none of the
 * older ones (the local clock was changed) starts over from itself.
 */
export const skewWarningMs = 2 * 60_000;
const maxSamples = 16;
/** A change of the offset this large is told to listeners at once (smaller drift: at their next poll). */
export const offsetNoticeMs = 1_000;

interface Bound {
  lo: number;
  hi: number;
}

export class ServerClock {
  private samples: Bound[] = [];
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

  /** Adds a sample: the server's time (read somewhere in [serverTime, serverTime + resolution)) and when the request was sent and answered (local clock). */
  addSample(serverTime: number, sentAt: number, receivedAt: number, resolutionMs = 0): void {
    if (!Number.isFinite(serverTime) || receivedAt < sentAt) return;
    this.samples.push({ lo: serverTime - receivedAt, hi: serverTime + resolutionMs - sentAt });
    if (this.samples.length > maxSamples) this.samples.shift();
    // Intersect from the newest back while the bounds still agree.
    let lo = -Infinity;
    let hi = Infinity;
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const s = this.samples[i]!;
      const nextLo = Math.max(lo, s.lo);
      const nextHi = Math.min(hi, s.hi);
      if (nextLo > nextHi) {
        // Older answers disagree with the newer ones: the local clock moved; forget them.
        this.samples = this.samples.slice(i + 1);
        break;
      }
      lo = nextLo;
      hi = nextHi;
    }
    this.offsetMs = Math.round((lo + hi) / 2);
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

  /** A sample from a `Date` header: the server's second, truncated. */
  addDateHeader(header: string | null, sentAt: number, receivedAt: number): void {
    if (!header) return;
    const t = Date.parse(header);
    if (Number.isNaN(t)) return;
    this.addSample(t, sentAt, receivedAt, 1000);
  }
}
