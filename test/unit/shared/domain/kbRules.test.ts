import { describe, expect, it } from 'vitest';
import { cleanTags, kbStatusMoves, mayDeleteKb, mayGiveKbStatus } from '#shared/domain/kbRules.ts';

describe('knowledge-base rules', () => {
  it('lets anyone write a draft, and only the head publish, archive or bring back', () => {
    expect(mayGiveKbStatus('agent', null, 'draft')).toBe(true);
    expect(mayGiveKbStatus('agent', null, 'published')).toBe(false);
    expect(mayGiveKbStatus('agent', 'draft', 'published')).toBe(false);
    expect(mayGiveKbStatus('agent', 'published', 'published')).toBe(true);
    expect(mayGiveKbStatus('head', 'draft', 'published')).toBe(true);
    expect(mayGiveKbStatus('head', 'published', 'archived')).toBe(true);
    expect(kbStatusMoves('agent', 'draft')).toEqual([]);
    expect(kbStatusMoves('head', 'draft')).toEqual(['published', 'archived']);
  });

  it('lets only the author or the head delete', () => {
    expect(mayDeleteKb({ id: 'u1', role: 'agent' }, { createdBy: 'u1' })).toBe(true);
    expect(mayDeleteKb({ id: 'u2', role: 'agent' }, { createdBy: 'u1' })).toBe(false);
    expect(mayDeleteKb({ id: 'h', role: 'head' }, { createdBy: 'u1' })).toBe(true);
  });

  it('cleans tags: trimmed, no empty ones, no repeats ignoring case', () => {
    expect(cleanTags([' шлагбаум ', '', 'Шлагбаум', 'камера'])).toEqual(['шлагбаум', 'камера']);
  });
});
