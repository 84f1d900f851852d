/**
 * The knowledge-base search index off the main thread (shared/search/kbSearch.ts): the desk sends
 * the articles that changed and the queries; building the index of thousands of articles and
 * answering a query never hold up typing.
 */
import { createKbIndex, searchKb, syncKbIndex, type KbFilter, type KbSearchDoc } from '#shared/search/kbSearch.ts';
import { packHits, type KbHitsWire } from '#shared/search/kbHitsWire.ts';

export type KbWorkerRequest =
  { type: 'sync'; upserts: KbSearchDoc[]; removes: string[] } | { type: 'search'; id: number; query: string; filter: KbFilter };

export type KbWorkerReply =
  | { id: number; ok: true; hits: KbHitsWire }
  | { id: number; ok: false; message: string }
  /** Sent once when the worker's script has loaded and runs. */
  | { id: -1; ok: true; ready: true };

// A dedicated worker's global scope; the web twin's TypeScript lib is the DOM's, so typed as needed here.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<KbWorkerRequest>) => void) | null;
  postMessage(message: KbWorkerReply): void;
};

const index = createKbIndex();

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === 'sync') {
    for (const id of request.removes) {
      if (index.docs.delete(id)) index.engine.discard(id);
    }
    // Only the changed articles travel: the index takes them without a rebuild.
    const upserted = new Set(request.upserts.map((d) => d.id));
    syncKbIndex(index, [...[...index.docs.values()].filter((d) => !upserted.has(d.id)), ...request.upserts]);
    return;
  }
  try {
    scope.postMessage({ id: request.id, ok: true, hits: packHits(searchKb(index, request.query, request.filter)) });
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

scope.postMessage({ id: -1, ok: true, ready: true });
