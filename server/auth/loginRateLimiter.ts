/**
 * Failed sign-ins, counted twice: per (login, address), so one account is not guessed at, and per
 * address across logins, so one address cannot try a password on many accounts (spraying). When
 * either count reaches its limit within its window, further attempts are refused (429) until the
 * oldest failure leaves the window. Logins arrive normalised (loginName.ts). Kept in memory per
 * instance: a restart forgets nothing that matters (the windows are a minute).
 */
export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
  /** Failures per address across all logins (default: 10 within the same window). */
  maxFailuresPerAddress?: number;
}

export const defaultLoginRateLimit: RateLimitOptions = { maxFailures: 5, windowMs: 60_000, maxFailuresPerAddress: 10 };

export class LoginRateLimiter {
  private readonly options: Required<RateLimitOptions>;
  private readonly failures = new Map<string, number[]>();

  constructor(options: RateLimitOptions = defaultLoginRateLimit) {
    this.options = { maxFailuresPerAddress: defaultLoginRateLimit.maxFailuresPerAddress!, ...options };
  }

  private loginKey(login: string, ip: string): string {
    return `login\u0000${login}\u0000${ip}`;
  }

  private addressKey(ip: string): string {
    return `address\u0000${ip}`;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private wait(key: string, limit: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < limit) return 0;
    return list[list.length - limit]! + this.options.windowMs - now;
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfter(login: string, ip: string, now: number): number {
    return Math.max(
      this.wait(this.loginKey(login, ip), this.options.maxFailures, now),
      this.wait(this.addressKey(ip), this.options.maxFailuresPerAddress, now),
    );
  }

  fail(login: string, ip: string, now: number): void {
    for (const key of [this.loginKey(login, ip), this.addressKey(ip)]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 10_000) this.prune(now);
  }

  /** A success clears that login's count; the address's stays (one good account must not reset a spray). */
  succeed(login: string, ip: string): void {
    this.failures.delete(this.loginKey(login, ip));
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
