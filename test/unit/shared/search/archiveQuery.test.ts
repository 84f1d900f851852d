import { describe, expect, it } from 'vitest';
import { decodeArchiveCursor, encodeArchiveCursor, parseArchiveQuery } from '#shared/search/archiveQuery.ts';

const parsed = (params: Record<string, string>) => {
  const r = parseArchiveQuery(params);
  if (!r.ok) throw new Error(r.reason);
  return r.query;
};

describe('the archive query', () => {
  it('takes the words of the query in lower case, and a ticket number as a number', () => {
    expect(parsed({ q: 'ШЛАГБАУМ, въезд!' }).words).toEqual(['шлагбаум', 'въезд']);
    expect(parsed({ q: '2026-123' }).number).toBe('2026-000123');
    expect(parsed({ q: 'шлагбаум 2026' }).number).toBeNull();
  });

  it('defaults to 50 tickets from the newest and accepts limits from 1 to 200', () => {
    expect(parsed({})).toMatchObject({ limit: 50, cursor: null, words: [], statuses: [], priorities: [] });
    expect(parsed({ limit: '1' }).limit).toBe(1);
    expect(parsed({ limit: '200' }).limit).toBe(200);
    for (const limit of ['0', '201', '-1', '2.5', '1e2'])
      expect(parseArchiveQuery({ limit })).toMatchObject({ ok: false, code: 'invalid_limit' });
  });

  it('round-trips a cursor and refuses one it did not make', () => {
    const cursor = { createdAt: 1_773_133_200_000, id: 'ticket-1' };
    expect(decodeArchiveCursor(encodeArchiveCursor(cursor))).toEqual(cursor);
    expect(parsed({ cursor: encodeArchiveCursor(cursor) }).cursor).toEqual(cursor);
    for (const bad of ['x', 'abc', '.id', 'zzzzzzzzzzzzz.id', "1.a'b"]) expect(decodeArchiveCursor(bad)).toBeNull();
  });

  it('reads statuses and priorities as comma lists of known values and dates as real YYYY-MM-DD days', () => {
    expect(parsed({ status: 'new,closed', priority: 'emergency' })).toMatchObject({
      statuses: ['new', 'closed'],
      priorities: ['emergency'],
    });
    expect(parsed({ from: '2026-03-01', to: '2026-03-01' }).fromDay).toBe(parsed({ to: '2026-03-01' }).toDay);
    expect(parseArchiveQuery({ status: 'new,' })).toMatchObject({ ok: false, code: 'invalid_parameter' });
    expect(parseArchiveQuery({ to: '2026-13-01' })).toMatchObject({ ok: false, code: 'invalid_parameter' });
  });

  it('refuses an unknown parameter and a query with the characters of SQL', () => {
    expect(parseArchiveQuery({ sort: 'asc' })).toMatchObject({ ok: false, code: 'unknown_parameter' });
    for (const q of ["a' or 1=1", 'x; drop', 'a=b', 'a\\b', 'a*b'])
      expect(parseArchiveQuery({ q })).toMatchObject({ ok: false, code: 'invalid_query' });
    expect(parseArchiveQuery({ q: '«Домофон» (въезд) — №5, ул. Ленина/7?' })).toMatchObject({ ok: true });
  });
});
