import { describe, expect, it } from 'vitest';
import {
  cleanCategory,
  cleanSymptoms,
  cleanTags,
  kbDraftsAwaitingHead,
  kbStatusMoves,
  mayDeleteKb,
  mayGiveKbStatus,
} from '#shared/domain/kbRules.ts';

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

  it('takes a comma typed into a tag as the end of it, not a part («домофон,» is «домофон»)', () => {
    expect(cleanTags(['домофон,'])).toEqual(['домофон']);
    expect(cleanTags(['шлагбаум', 'домофон, калитка', ',', 'Калитка,'])).toEqual(['шлагбаум', 'домофон', 'калитка']);
  });

  it('keeps symptoms one phrase a line, trimmed and without repeats; an empty category is none', () => {
    expect(cleanSymptoms(['  гостю не пришла  смс ', '', 'Гостю не пришла смс', 'не открывается шлагбаум'])).toEqual([
      'гостю не пришла смс',
      'не открывается шлагбаум',
    ]);
    expect(cleanCategory('  ')).toBeNull();
    expect(cleanCategory(' Регламент ')).toBe('Регламент');
  });

  it('lists the drafts waiting for the head: not sent back, or edited since; the longest wait first', () => {
    const returned = { comment: 'Добавьте шаги', at: 50, by: 'h' };
    const drafts = [
      { id: 'new', status: 'draft' as const, returned: null, editedAt: 30 },
      { id: 'sent back', status: 'draft' as const, returned, editedAt: 40 },
      { id: 'edited since', status: 'draft' as const, returned, editedAt: 60 },
      { id: 'older', status: 'draft' as const, returned: null, editedAt: 10 },
      { id: 'live', status: 'published' as const, returned: null, editedAt: 5 },
    ];
    expect(kbDraftsAwaitingHead(drafts).map((d) => d.id)).toEqual(['older', 'new', 'edited since']);
  });
});
