/**
 * PGlite runs every statement synchronously inside the one process, so the database layer must
 * give the event loop a turn between statements: otherwise a queue of waiting requests is worked
 * off while no connection is accepted and no request body read.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestPglite } from './support/testDatabase.ts';

describe('PGlite and the event loop', () => {
  it('lets I/O callbacks run between queued statements, not only after the whole queue', async () => {
    const database = await openTestPglite();
    try {
      const order: string[] = [];
      const queued = Array.from({ length: 40 }, (_, i) =>
        sql`select ${i}::int as n`.execute(database.db).then(() => order.push(`q${i}`)),
      );
      // An I/O-phase callback (as an incoming connection or request body would be) scheduled
      // behind the queue: it must not wait until all 40 statements are done.
      const io = new Promise<void>((resolve) =>
        setImmediate(() => {
          order.push('io');
          resolve();
        }),
      );
      await Promise.all([...queued, io]);
      expect(order.indexOf('io')).toBeLessThan(order.length - 1);
      expect(order.indexOf('io')).toBeLessThan(5);
    } finally {
      await database.close();
    }
  });
});
