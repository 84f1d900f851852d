/**
 * A live pull stream of one collection over fetch-based SSE, reconnecting with backoff.
 * Emits each server batch, and 'RESYNC' whenever it connects, the first time included, so RxDB
 * pulls what was committed before the stream started: the server sends only changes after the
 * stream's start, and a pull answered before that (a start while the server was away: the pull's
 * retry may come back before the stream's) leaves a gap nothing else would fill.
 */
import { Subject, type Observable } from 'rxjs';
import type { StreamMessage } from '#shared/protocol.ts';
import { SseParser } from './sseParser.ts';
import { backoffDelay } from './backoff.ts';

export type StreamItem<T> = StreamMessage<T>;

/**
 * What became of the stream's connection: `connected`; `ended` (it closed, or the endpoint
 * answered without a stream: the endpoint is there); `unreachable` (a connection attempt could
 * not reach the endpoint at all).
 */
export type StreamConnection = 'connected' | 'ended' | 'unreachable';

export interface EventStreamOptions {
  url: string;
  headers: () => Record<string, string>;
  fetch?: typeof fetch;
  /** Reports the connection (for the status bar), with when its attempt started (Date.now()). */
  onConnection?: (connection: StreamConnection, attemptStartedAt: number) => void;
  /** Reports a 401 (signed out). */
  onUnauthorized?: () => void;
  /**
   * A connection silent for this long is dropped and made again: the server sends a heartbeat
   * every 15 s, so silence means the connection died without a close (a network that vanished).
   */
  idleTimeoutMs?: number;
  /** A connection attempt without an answer for this long counts as unreachable. */
  connectTimeoutMs?: number;
  /** Retry delay after the given number of consecutive failures. */
  retryDelay?: (attempt: number) => number;
}

export interface EventStream<T> {
  readonly items$: Observable<StreamItem<T>>;
  close(): void;
  /** Drops the current connection and reconnects at once (e.g. the network came back). */
  reconnectNow(): void;
}

/** The connection attempt failed before any answer. */
class UnreachableError extends Error {}

export function openEventStream<T>(options: EventStreamOptions): EventStream<T> {
  const items = new Subject<StreamItem<T>>();
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const retryDelay = options.retryDelay ?? backoffDelay;
  let closed = false;
  let attempt = 0;
  let current: AbortController | null = null;
  let attemptStartedAt = 0;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  async function connectOnce(): Promise<void> {
    const controller = new AbortController();
    current = controller;
    attemptStartedAt = Date.now();
    let res: Response;
    let timedOut = false;
    const connectTimer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, connectTimeoutMs);
    try {
      res = await fetchImpl(options.url, {
        headers: { accept: 'text/event-stream', ...options.headers() },
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch (err) {
      // Aborted by us (reconnectNow, close) says nothing about the endpoint.
      if (controller.signal.aborted && !timedOut) throw err;
      throw new UnreachableError();
    } finally {
      clearTimeout(connectTimer);
    }
    if (res.status === 401) {
      options.onUnauthorized?.();
      throw new Error('unauthorized');
    }
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    attempt = 0;
    options.onConnection?.('connected', attemptStartedAt);
    // Anything may have changed before this connection: let RxDB pull from its checkpoint.
    items.next('RESYNC');
    const parser = new SseParser((e) => {
      if (e.event !== 'message' || !e.data) return;
      try {
        const parsed = JSON.parse(e.data) as StreamItem<T>;
        items.next(parsed);
      } catch {
        // A malformed event is skipped; the next RESYNC pulls whatever it carried.
      }
    });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        controller.abort();
        reader.cancel().catch(() => undefined);
      }, idleTimeoutMs);
    };
    try {
      watch();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        watch();
        parser.feed(value);
      }
    } finally {
      clearTimeout(idle);
    }
  }

  void (async () => {
    while (!closed) {
      let connection: StreamConnection = 'ended';
      try {
        await connectOnce();
      } catch (err) {
        // Network down, server restarting, or aborted: fall through to the backoff.
        if (err instanceof UnreachableError) connection = 'unreachable';
      }
      if (closed) break;
      options.onConnection?.(connection, attemptStartedAt);
      await sleep(retryDelay(attempt++));
    }
  })();

  return {
    items$: items.asObservable(),
    close() {
      closed = true;
      current?.abort();
      wake?.();
      items.complete();
    },
    reconnectNow() {
      attempt = 0;
      current?.abort();
      wake?.();
    },
  };
}
