/**
 * HTTP client of the central endpoint. Adds the bearer token, learns the server clock from every
 * answer, and turns failures into values the UI can act on.
 */
import type {
  ApiError,
  Checkpoint,
  CollectionName,
  HealthResponse,
  LoginRequest,
  LoginResponse,
  PullResponse,
  PushResponse,
  PushRow,
} from '#shared/protocol.ts';
import { serverTimeHeader } from '#shared/protocol.ts';
import type { ServerClock } from './clock.ts';

/** Why a request failed: `network` means the endpoint could not be reached (offline). */
export type ApiFailureKind = 'network' | 'unauthorized' | 'rejected' | 'server';

export class ApiRequestError extends Error {
  readonly kind: ApiFailureKind;
  readonly status: number;
  readonly code: string;
  constructor(kind: ApiFailureKind, status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  getToken: () => string | null;
  clock: ServerClock;
  fetch?: typeof fetch;
  /** Called on a 401: the token expired or was revoked. */
  onUnauthorized?: () => void;
  /** Called after each request with whether the endpoint was reachable, and when it was sent (Date.now()). */
  onReachability?: (reachable: boolean, sentAt: number) => void;
  /**
   * A request (answer and body) not done by then is abandoned as a network failure, so a
   * connection that hangs never holds a collection's replication without an error (default 60 s).
   */
  requestTimeoutMs?: number;
}

export const defaultRequestTimeoutMs = 60_000;

export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly options: ApiClientOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.options = options;
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The fetch this client uses (the live streams use it too). */
  get fetch(): typeof fetch {
    return this.fetchImpl;
  }

  get clock(): ServerClock {
    return this.options.clock;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const token = this.options.getToken();
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const sentAt = Date.now();
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? defaultRequestTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const timedOut = () => {
      this.options.onReachability?.(false, sentAt);
      return new ApiRequestError('network', 0, 'timeout', `no answer from ${path} in time`);
    };
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: combined,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      if (timeout.aborted) throw timedOut();
      this.options.onReachability?.(false, sentAt);
      throw new ApiRequestError('network', 0, 'network', (err as Error).message || 'network error');
    }
    const receivedAt = Date.now();
    const serverTime = Number(res.headers.get(serverTimeHeader) ?? Number.NaN);
    if (Number.isFinite(serverTime) && serverTime > 0) this.options.clock.addSample(serverTime, sentAt, receivedAt);
    else this.options.clock.addDateHeader(res.headers.get('date'), sentAt, receivedAt);
    this.options.onReachability?.(true, sentAt);
    if (res.ok) {
      try {
        return (await res.json()) as T;
      } catch (err) {
        // The body stopped arriving (aborted by the timeout) or was not JSON.
        if (signal?.aborted) throw err;
        if (timeout.aborted) throw timedOut();
        throw new ApiRequestError('server', res.status, 'bad_body', (err as Error).message || 'unreadable answer');
      }
    }
    let code = `http_${res.status}`;
    let message = res.statusText;
    try {
      const err = (await res.json()) as ApiError;
      code = err.error?.code ?? code;
      message = err.error?.message ?? message;
    } catch {
      // Not a JSON error body (a proxy, say): keep the status text.
    }
    if (res.status === 401) {
      this.options.onUnauthorized?.();
      throw new ApiRequestError('unauthorized', 401, code, message);
    }
    throw new ApiRequestError(res.status >= 500 ? 'server' : 'rejected', res.status, code, message);
  }

  async health(): Promise<HealthResponse> {
    const sentAt = Date.now();
    const h = await this.request<HealthResponse>('GET', '/api/health');
    if (typeof h.now === 'number') this.options.clock.addSample(h.now, sentAt, Date.now());
    return h;
  }

  login(login: string, password: string): Promise<LoginResponse> {
    return this.request<LoginResponse>('POST', '/api/auth/login', { login, password } satisfies LoginRequest);
  }

  logout(): Promise<unknown> {
    return this.request('POST', '/api/auth/logout', {});
  }

  /**
   * A page of a collection after `checkpoint`; with `closedWindowDays`, under the working set's
   * scope, and for tickets with `part`, one part of it (docs/sync.md).
   */
  pull<T>(
    collection: CollectionName,
    checkpoint: Checkpoint | undefined | null,
    limit: number,
    closedWindowDays?: number,
    part?: 'open' | 'closed',
  ): Promise<PullResponse<T>> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (checkpoint) {
      q.set('id', checkpoint.id);
      q.set('updatedAt', String(checkpoint.updatedAt));
    }
    if (closedWindowDays !== undefined) {
      q.set('scope', 'working');
      q.set('closedWindowDays', String(closedWindowDays));
      if (part) q.set('part', part);
    }
    return this.request<PullResponse<T>>('GET', `/api/replication/${collection}/pull?${q.toString()}`);
  }

  /** The archive's search over every ticket (docs/sync.md, "Archive"); `params` as the route takes them. */
  searchTickets<T>(params: URLSearchParams, signal?: AbortSignal): Promise<{ tickets: T[]; nextCursor: string | null }> {
    return this.request('GET', `/api/tickets/search?${params.toString()}`, undefined, signal);
  }

  /** One ticket with its whole timeline, from the endpoint. */
  ticketWithTimeline<T, E>(id: string, signal?: AbortSignal): Promise<{ ticket: T; events: E[] }> {
    return this.request('GET', `/api/tickets/${encodeURIComponent(id)}`, undefined, signal);
  }

  /** Reopens a ticket the desk may not keep (docs/sync.md, "Archive"); it then arrives through sync. */
  reopenTicket<T>(id: string, reason: string): Promise<{ ticket: T }> {
    return this.request('POST', `/api/tickets/${encodeURIComponent(id)}/reopen`, { reason });
  }

  push<T>(collection: CollectionName, rows: Array<PushRow<T>>): Promise<PushResponse<T>> {
    // RxDB leaves assumedMasterState undefined for a document new to this client, and JSON drops
    // undefined keys; the protocol wants an explicit null (the server refuses a row without it).
    const body = rows.map((r) => ({ assumedMasterState: r.assumedMasterState ?? null, newDocumentState: r.newDocumentState }));
    return this.request<PushResponse<T>>('POST', `/api/replication/${collection}/push`, body);
  }
}
