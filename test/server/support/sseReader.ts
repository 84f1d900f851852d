/** Reads a pull stream (Server-Sent Events over fetch, as the workstation does) into a list. */
import type { PullResponse } from '#shared/protocol.ts';

export interface StreamReader<T> {
  status: number;
  messages: Array<PullResponse<T>>;
  comments: string[];
  /** Resolves when a message satisfies the predicate (or rejects after timeoutMs). */
  waitFor(predicate: (m: PullResponse<T>) => boolean, timeoutMs?: number): Promise<PullResponse<T>>;
  close(): void;
  ended: Promise<void>;
}

export async function openStream<T = Record<string, unknown>>(url: string, token: string | null): Promise<StreamReader<T>> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: controller.signal,
  });
  const messages: Array<PullResponse<T>> = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let ended: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data:'))
              .map((l) => l.slice(5).trimStart())
              .join('\n');
            if (data) messages.push(JSON.parse(data) as PullResponse<T>);
            for (const l of block.split('\n')) if (l.startsWith(':')) comments.push(l.slice(1).trim());
            for (const w of waiters) w();
          }
        }
      } catch {
        // aborted
      }
    })();
  } else {
    await res.text().catch(() => '');
  }
  return {
    status: res.status,
    messages,
    comments,
    ended,
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find(predicate);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching stream message within ${timeoutMs} ms (got ${messages.length})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}
