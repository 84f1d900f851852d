/**
 * Failed sign-ins per (login, IP): after `maxFailures` within `windowMs` further attempts are
 * refused (429) until the oldest failure leaves the window. Kept in memory per instance: a
 * brute-force attempt is slowed on every instance it reaches, and a restart forgets nothing
 * that matters (the window is a minute).
 */
export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
}

export const defaultLoginRateLimit: RateLimitOptions = { maxFailures: 5, windowMs: 60_000 };

export class LoginRateLimiter {
  private readonly options: RateLimitOptions;
  private readonly failures = new Map<string, number[]>();

  constructor(options: RateLimitOptions = defaultLoginRateLimit) {
    this.options = options;
  }

  private key(login: string, ip: string): string {
    return `${login.toLowerCase()}\u0000${ip}`;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfter(login: string, ip: string, now: number): number {
    const list = this.recent(this.key(login, ip), now);
    if (list.length < this.options.maxFailures) return 0;
    return list[list.length - this.options.maxFailures]! + this.options.windowMs - now;
  }

  fail(login: string, ip: string, now: number): void {
    const key = this.key(login, ip);
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(login: string, ip: string): void {
    this.failures.delete(this.key(login, ip));
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
