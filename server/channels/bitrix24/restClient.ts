/**
 * Bitrix24's REST API over plain fetch, through an incoming webhook address
 * (`https://<portal>/rest/<user>/<code>/`): the address is the credential, so it is never logged
 * nor put in an error sentence (`Bitrix24Error` carries only the portal's answer).
 *
 * Rate limits: calls are paced (one per `callIntervalMs`, the portal allows two a second) and a
 * `QUERY_LIMIT_EXCEEDED` answer (503) is waited out and the call made again, doubling the wait up
 * to half a minute: a rate limit delays a read, never drops it. `batch` sends up to 50 calls in
 * one request; lists are read page by page (`start` = the previous answer's `next`).
 */

/** A method's answer; a list method's holds up to 50 rows and `next` when there are more. */
interface Answer<T> {
  result: T;
  next?: number;
  total?: number;
}

export class Bitrix24Error extends Error {
  /** Bitrix24's error code (`QUERY_LIMIT_EXCEEDED`, `expired_token`, `NOT_FOUND`…) or `NETWORK`. */
  readonly code: string;
  readonly status: number;
  constructor(code: string, description: string, status: number) {
    super(`${code}${description ? `: ${description}` : ''}`.slice(0, 300));
    this.name = 'Bitrix24Error';
    this.code = code;
    this.status = status;
  }

  /** The webhook is refused: wrong, deleted, expired, or its user lost the rights. */
  get refusesWebhook(): boolean {
    return (
      this.status === 401 ||
      ['NO_AUTH_FOUND', 'expired_token', 'invalid_token', 'INVALID_CREDENTIALS', 'ACCESS_DENIED', 'insufficient_scope'].includes(
        this.code,
      )
    );
  }

  get rateLimited(): boolean {
    return this.code === 'QUERY_LIMIT_EXCEEDED';
  }
}

export interface RestClientOptions {
  /** The least time between two calls, ms (Bitrix24 allows 2 calls a second per portal). */
  callIntervalMs?: number;
  /** The first wait after QUERY_LIMIT_EXCEEDED, ms; doubled on each refusal up to 30 s. */
  limitWaitMs?: number;
  /** Told each time the portal asks to slow down (for the log). */
  onLimited?: (method: string, waitMs: number) => void;
  /** Ends every wait and call (the connector stopping). */
  signal?: AbortSignal;
}

type Params = Record<string, unknown>;

/** PHP's http_build_query, as Bitrix24 reads a batch command's parameters: `filter[ID][0]=5`. */
export function buildQuery(params: Params): string {
  const parts: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v, i) => add(`${key}[${i}]`, v));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [k, v] of Object.entries(params)) add(k, v);
  return parts.join('&');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class Bitrix24Rest {
  private readonly base: string;
  private readonly interval: number;
  private readonly firstWait: number;
  private readonly onLimited: (method: string, waitMs: number) => void;
  private readonly signal: AbortSignal | undefined;
  private nextCallAt = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(webhook: string, options: RestClientOptions = {}) {
    this.base = webhook.endsWith('/') ? webhook : `${webhook}/`;
    this.interval = options.callIntervalMs ?? 500;
    this.firstWait = options.limitWaitMs ?? 1000;
    this.onLimited = options.onLimited ?? (() => {});
    this.signal = options.signal;
  }

  /**
   * Calls a method; a rate limit is waited out and the call made again unless `waitOnLimit` is
   * false (then it throws, for a caller with its own retry, such as the outbound queue).
   */
  async call<T>(method: string, params: Params = {}, options: { waitOnLimit?: boolean } = {}): Promise<T> {
    return (await this.callFull<T>(method, params, options)).result;
  }

  /** One page of a list method. */
  async page<T>(method: string, params: Params, start: number): Promise<Answer<T[]>> {
    return this.callFull<T[]>(method, { ...params, start });
  }

  /** Every row of a list method, page by page along `next`. */
  async listAll<T>(method: string, params: Params): Promise<T[]> {
    const rows: T[] = [];
    let start = 0;
    for (;;) {
      const answer = await this.page<T>(method, params, start);
      rows.push(...answer.result);
      if (typeof answer.next !== 'number' || answer.next <= start) return rows;
      start = answer.next;
    }
  }

  /**
   * Up to 50 calls in one request (`halt` 0). Returns each call's result by key; a call that
   * failed is in `errors` with Bitrix24's code, the others stand.
   */
  async batch(commands: Record<string, [string, Params]>): Promise<{
    results: Record<string, unknown>;
    errors: Record<string, Bitrix24Error>;
  }> {
    const entries = Object.entries(commands);
    if (entries.length > 50) throw new Error('batch: at most 50 calls');
    const cmd = Object.fromEntries(entries.map(([key, [method, params]]) => [key, `${method}?${buildQuery(params)}`]));
    const answer = await this.call<{ result: unknown; result_error: unknown }>('batch', { halt: 0, cmd });
    // PHP sends an empty list ([]) where an object has no keys.
    const asObject = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Params;
    const errors: Record<string, Bitrix24Error> = {};
    for (const [key, e] of Object.entries(asObject(answer.result_error))) {
      const error = e as { error?: string; error_description?: string };
      errors[key] = new Bitrix24Error(error.error ?? 'ERROR', error.error_description ?? '', 400);
    }
    return { results: asObject(answer.result), errors };
  }

  private async callFull<T>(method: string, params: Params, options: { waitOnLimit?: boolean } = {}): Promise<Answer<T>> {
    let wait = this.firstWait;
    for (;;) {
      try {
        return await this.paced(() => this.once<T>(method, params));
      } catch (error) {
        if (!(error instanceof Bitrix24Error) || !error.rateLimited || options.waitOnLimit === false || this.signal?.aborted)
          throw error;
        this.onLimited(method, wait);
        await sleep(wait, this.signal);
        wait = Math.min(30_000, wait * 2);
      }
    }
  }

  /** Calls one at a time, `interval` apart. */
  private paced<T>(run: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      const delay = this.nextCallAt - Date.now();
      if (delay > 0) await sleep(delay, this.signal);
      try {
        return await run();
      } finally {
        this.nextCallAt = Date.now() + this.interval;
      }
    });
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async once<T>(method: string, params: Params): Promise<Answer<T>> {
    if (this.signal?.aborted) throw new Bitrix24Error('ABORTED', 'остановлено', 0);
    const signals = [AbortSignal.timeout(30_000), ...(this.signal ? [this.signal] : [])];
    let response: Response;
    try {
      response = await fetch(`${this.base}${method}.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(params),
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      // fetch's own sentence names no address; the cause (ECONNREFUSED, a DNS failure) says why.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new Bitrix24Error('NETWORK', `портал не отвечает (${cause})`, 0);
    }
    const text = await response.text();
    let body: Record<string, unknown> | null;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = null;
    }
    if (body && typeof body.error === 'string') {
      throw new Bitrix24Error(body.error, String(body.error_description ?? ''), response.status);
    }
    if (!response.ok || !body || !('result' in body)) {
      throw new Bitrix24Error(`HTTP_${response.status}`, 'неожиданный ответ портала', response.status);
    }
    return body as unknown as Answer<T>;
  }
}
