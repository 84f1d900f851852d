import { describe, expect, it } from 'vitest';
import { checkDocument } from '#shared/authz/documentRules.ts';
import { badTextPath, tooDeep } from '#shared/authz/documentLimits.ts';
import { head, makeTicket, monday10 } from '../../../support/ticketFactory.ts';

describe('what any document must be', () => {
  it('finds a NUL or a lone half of a surrogate pair, in values and keys, and lets whole emoji pass', () => {
    expect(badTextPath({ a: 'ok 😀', b: ['fine'] })).toBeNull();
    expect(badTextPath({ a: 'ok', b: { c: 'bad\u0000' } })).toBe('b.c');
    expect(badTextPath({ list: ['x', 'cut \uD83D'] })).toBe('list.1');
    expect(badTextPath({ tail: '\uDE00 start' })).toBe('tail');
    expect(badTextPath({ ['key\u0000']: 1 })).toBe('key\u0000');
  });

  it('stops counting depth at the limit, so 5,000 levels cost nothing', () => {
    let deep: unknown = {};
    for (let i = 0; i < 5000; i += 1) deep = { d: deep };
    expect(tooDeep(deep)).toBe(true);
    expect(tooDeep({ a: { b: [1, { c: 2 }] } })).toBe(false);
    const verdict = checkDocument('config', {
      role: 'head',
      agentId: head.id,
      stored: null,
      pushed: { id: 'calendar', value: deep, editedAt: monday10, editedBy: head.id },
      now: monday10,
    });
    expect(verdict).toMatchObject({ ok: false, code: 'invalid_document' });
  });

  it('refuses a ticket with bad text, or created in the far future', () => {
    const input = (pushed: ReturnType<typeof makeTicket>) => ({
      role: head.role,
      agentId: head.id,
      stored: null,
      pushed,
      now: monday10,
    });
    const base = makeTicket({ createdBy: head.id, editedBy: head.id });
    expect(checkDocument('tickets', input(base))).toEqual({ ok: true });
    expect(checkDocument('tickets', input({ ...base, subject: 'a\u0000b' }))).toMatchObject({ ok: false, code: 'invalid_text' });
    expect(checkDocument('tickets', input({ ...base, createdAt: 1e15 }))).toMatchObject({ ok: false, code: 'invalid_document' });
  });
});
