/**
 * The desk's knowledge-base search, one per workspace: the articles stay here (the list and the
 * reader show them), the index lives in a worker (kbSearch.worker.ts) that receives only the
 * articles that changed. Where workers do not exist, or the worker's script never loaded (the web
 * twin opened offline) or failed, the same index is kept on this thread instead: slower to build,
 * but an answer.
 */
import {
  createKbIndex,
  searchKb,
  syncKbIndex,
  type KbFilter,
  type KbHit,
  type KbIndex,
  type KbSearchDoc,
} from '#shared/search/kbSearch.ts';
import { unpackHits } from '#shared/search/kbHitsWire.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import type { KbWorkerReply, KbWorkerRequest } from './kbSearch.worker.ts';

/** How long a query waits for the worker's script to load before this thread answers it. */
const readyWaitMs = 3000;

/** What the index needs of an article: the worker gets a smaller copy. */
function searchDoc(a: KbArticle): KbSearchDoc {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    tags: a.tags,
    product: a.product,
    status: a.status,
    summary: a.summary,
    editedAt: a.editedAt,
    updatedAt: a.updatedAt,
    symptoms: a.symptoms,
    category: a.category,
  };
}

export class KbSearchClient {
  private worker: Worker | null = null;
  private ready = false;
  private failed = typeof Worker === 'undefined';
  private readonly readyWaiters: Array<() => void> = [];
  private readonly waiting = new Map<number, (reply: Exclude<KbWorkerReply, { ready: true }>) => void>();
  private nextId = 0;
  /** What the worker holds: id -> the (updatedAt, editedAt) it was sent. */
  private readonly sent = new Map<string, string>();
  private latest: readonly KbArticle[] = [];
  private local: KbIndex | null = null;

  constructor() {
    if (!this.failed) this.start();
  }

  private start(): void {
    try {
      this.worker = new Worker(new URL('./kbSearch.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      console.warn('KB search worker unavailable; searching on the main thread', error);
      this.fail();
      return;
    }
    this.worker.onmessage = (e: MessageEvent<KbWorkerReply>) => {
      if ('ready' in e.data) {
        this.ready = true;
        for (const wake of this.readyWaiters.splice(0)) wake();
        return;
      }
      this.waiting.get(e.data.id)?.(e.data);
      this.waiting.delete(e.data.id);
    };
    // A worker that fails answers nobody: this thread answers from now on.
    this.worker.onerror = (e: ErrorEvent) => {
      console.warn('KB search worker failed; searching on the main thread', e.message);
      this.fail();
    };
  }

  private fail(): void {
    this.failed = true;
    this.worker?.terminate();
    this.worker = null;
    for (const [id, answer] of this.waiting) answer({ id, ok: false, message: 'worker failed' });
    this.waiting.clear();
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  /** Brings the index in line with the current articles, sending only what changed. */
  sync(articles: readonly KbArticle[]): void {
    this.latest = articles;
    if (this.local) syncKbIndex(this.local, articles);
    if (this.failed || !this.worker) return;
    const upserts: KbSearchDoc[] = [];
    const seen = new Set<string>();
    for (const a of articles) {
      seen.add(a.id);
      const stamp = `${a.updatedAt}:${a.editedAt}`;
      if (this.sent.get(a.id) === stamp) continue;
      this.sent.set(a.id, stamp);
      upserts.push(searchDoc(a));
    }
    const removes = [...this.sent.keys()].filter((id) => !seen.has(id));
    for (const id of removes) this.sent.delete(id);
    if (upserts.length > 0 || removes.length > 0)
      this.worker.postMessage({ type: 'sync', upserts, removes } satisfies KbWorkerRequest);
  }

  /** The hits for a query, best first, from the index as of the last sync. */
  async search(query: string, filter: KbFilter = {}): Promise<KbHit[]> {
    if (!this.ready && !this.failed) await this.readyOrTimeout();
    if (this.failed || !this.worker || !this.ready) return this.searchHere(query, filter);
    const id = this.nextId++;
    const worker = this.worker;
    const reply = await new Promise<Exclude<KbWorkerReply, { ready: true }>>((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ type: 'search', id, query, filter } satisfies KbWorkerRequest);
    });
    return reply.ok ? unpackHits(reply.hits) : this.searchHere(query, filter);
  }

  private readyOrTimeout(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, readyWaitMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private searchHere(query: string, filter: KbFilter): KbHit[] {
    if (!this.local) {
      this.local = createKbIndex();
      syncKbIndex(this.local, this.latest);
    }
    return searchKb(this.local, query, filter);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

const clients = new WeakMap<object, KbSearchClient>();

/**
 * The search of this workspace (keyed by its database), started on first use and stopped when
 * the database closes (sign-out, another account).
 */
export function kbSearchClient(db: { onClose: Array<() => unknown> }): KbSearchClient {
  let client = clients.get(db);
  if (!client) {
    const created = new KbSearchClient();
    clients.set(db, created);
    db.onClose.push(() => created.dispose());
    client = created;
  }
  return client;
}
