/** Reading the server's current version of one document through the pull route. */
import { describe, expect, it } from 'vitest';
import { maxPullLimit, type Checkpoint, type PullResponse } from '#shared/protocol.ts';
import { fetchServerVersion, type ServerDocument } from '../../../../renderer/src/sync/serverVersion.ts';

/** A server collection answering pulls exactly as the protocol says: after a checkpoint, in (updatedAt, id) order. */
function serverWith(docs: ServerDocument[]) {
  const sorted = [...docs].sort((a, b) => a.updatedAt! - b.updatedAt! || (a.id < b.id ? -1 : 1));
  const requests: Array<Checkpoint | null> = [];
  return {
    requests,
    async pull<T>(_c: string, checkpoint: Checkpoint | null | undefined, limit: number): Promise<PullResponse<T>> {
      requests.push(checkpoint ?? null);
      const after = sorted.filter(
        (d) =>
          !checkpoint || d.updatedAt! > checkpoint.updatedAt || (d.updatedAt === checkpoint.updatedAt && d.id > checkpoint.id),
      );
      const page = after.slice(0, limit);
      const last = page.at(-1);
      return {
        documents: page as unknown as PullResponse<T>['documents'],
        checkpoint: last ? { id: last.id, updatedAt: last.updatedAt! } : (checkpoint ?? null),
      };
    },
  };
}

const doc = (id: string, updatedAt: number, subject = id): ServerDocument => ({ id, updatedAt, subject, _deleted: false });

describe('fetchServerVersion', () => {
  it('finds the document at the updatedAt the local copy was pulled with, even among others of the same instant', async () => {
    const server = serverWith([doc('a', 5), doc('b', 7), doc('zzz', 7), doc('c', 9)]);
    expect(await fetchServerVersion(server, 'tickets', 'b', 7)).toMatchObject({ id: 'b', updatedAt: 7 });
    expect(server.requests[0]!.updatedAt).toBeLessThan(7);
  });

  it('finds a version the server changed after the local copy was pulled', async () => {
    const server = serverWith([doc('a', 5), doc('b', 12, 'изменено на сервере')]);
    expect(await fetchServerVersion(server, 'tickets', 'b', 7)).toMatchObject({ subject: 'изменено на сервере' });
  });

  it('reads from the start for a document created here, page after page', async () => {
    const many = Array.from({ length: maxPullLimit + 5 }, (_, i) => doc(`d${String(i).padStart(5, '0')}`, i + 1));
    const server = serverWith(many);
    const last = many.at(-1)!;
    expect(await fetchServerVersion(server, 'tickets', last.id, 0)).toMatchObject({ id: last.id });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toBeNull();
  });

  it('answers null when the server never stored the document', async () => {
    const server = serverWith([doc('a', 5)]);
    expect(await fetchServerVersion(server, 'tickets', 'новый', 0)).toBeNull();
  });
});
