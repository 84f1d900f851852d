/**
 * A global cap on password hashing. scrypt runs on libuv's small thread pool, which file I/O and
 * other crypto share: a flood of anonymous sign-ins must not take all of it. At most `concurrent`
 * hashes run; up to `queued` more wait their turn; beyond that a sign-in is answered "busy" at once.
 */
export interface HashGateOptions {
  concurrent: number;
  queued: number;
}

export const defaultHashGate: HashGateOptions = { concurrent: 2, queued: 32 };

export class HashGateBusy extends Error {
  constructor() {
    super('password hashing is at capacity');
    this.name = 'HashGateBusy';
  }
}

export class HashGate {
  private readonly options: HashGateOptions;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(options: HashGateOptions = defaultHashGate) {
    this.options = options;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrent) {
      if (this.waiting.length >= this.options.queued) throw new HashGateBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.running -= 1;
    }
  }
}
