/** A bare HTTP client for the tests: status, headers and parsed body of every answer. */
import type { Checkpoint, CollectionName, PullResponse, PushResponse, PushRow } from '#shared/protocol.ts';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiClient {
  readonly url: string;
  readonly token: string | null;

  constructor(url: string, token: string | null) {
    this.url = url;
    this.token = token;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...extra };
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const raw = typeof body === 'string' || body instanceof Uint8Array;
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: this.headers(body === undefined ? extraHeaders : { 'content-type': 'application/json', ...extraHeaders }),
      body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<Answer<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  async pull<T = Record<string, unknown>>(
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    limit?: number,
  ): Promise<PullResponse<T>> {
    const q = new URLSearchParams();
    if (limit !== undefined) q.set('limit', String(limit));
    if (checkpoint) {
      q.set('id', checkpoint.id);
      q.set('updatedAt', String(checkpoint.updatedAt));
    }
    const res = await this.get<PullResponse<T>>(`/api/replication/${collection}/pull?${q.toString()}`);
    if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${res.text}`);
    return res.body;
  }

  /** Pages through a whole collection from a checkpoint. */
  async pullAll<T = Record<string, unknown>>(
    collection: CollectionName,
    limit = 1000,
    from: Checkpoint | null = null,
  ): Promise<{ documents: Array<T & { _deleted: boolean }>; checkpoint: Checkpoint | null }> {
    const documents: Array<T & { _deleted: boolean }> = [];
    let checkpoint = from;
    for (;;) {
      const page = await this.pull<T>(collection, checkpoint, limit);
      documents.push(...page.documents);
      checkpoint = page.checkpoint;
      if (page.documents.length < limit) return { documents, checkpoint };
    }
  }

  async push<T>(collection: CollectionName, rows: Array<PushRow<T>>): Promise<PushResponse<T>> {
    const res = await this.post<PushResponse<T>>(`/api/replication/${collection}/push`, rows);
    if (res.status !== 200) throw new Error(`push ${collection}: ${res.status} ${res.text}`);
    return res.body;
  }
}
