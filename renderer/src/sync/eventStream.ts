/**
 * A live pull stream of one collection over fetch-based SSE, reconnecting with backoff.
 * Emits each server batch, and 'RESYNC' after every reconnect so RxDB pulls what it missed.
 */
import { Subject, type Observable } from 'rxjs';
import type { PullResponse } from '#shared/protocol.ts';
import { SseParser } from './sseParser.ts';
import { backoffDelay } from './backoff.ts';

export type StreamItem<T> = PullResponse<T> | 'RESYNC';

export interface EventStreamOptions {
  url: string;
  headers: () => Record<string, string>;
  fetch?: typeof fetch;
  /** Reports whether the stream is connected (for the status bar). */
  onConnected?: (connected: boolean) => void;
  /** Reports a 401 (signed out). */
  onUnauthorized?: () => void;
}

export interface EventStream<T> {
  readonly items$: Observable<StreamItem<T>>;
  close(): void;
  /** Drops the current connection and reconnects at once (e.g. the network came back). */
  reconnectNow(): void;
}

export function openEventStream<T>(options: EventStreamOptions): EventStream<T> {
  const items = new Subject<StreamItem<T>>();
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  let closed = false;
  let attempt = 0;
  let everConnected = false;
  let current: AbortController | null = null;
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
    current = new AbortController();
    const res = await fetchImpl(options.url, {
      headers: { accept: 'text/event-stream', ...options.headers() },
      signal: current.signal,
      cache: 'no-store',
    });
    if (res.status === 401) {
      options.onUnauthorized?.();
      throw new Error('unauthorized');
    }
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    attempt = 0;
    options.onConnected?.(true);
    // Anything may have changed while we were away: let RxDB pull from its checkpoint.
    if (everConnected) items.next('RESYNC');
    everConnected = true;
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
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  }

  void (async () => {
    while (!closed) {
      try {
        await connectOnce();
      } catch {
        // Network down, server restarting, or aborted: fall through to the backoff.
      }
      options.onConnected?.(false);
      if (closed) break;
      await sleep(backoffDelay(attempt++));
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
