/** The knowledge base's rules at their edges: who gives which status, and the lengths typed text is cut to. */
import { describe, expect, it } from 'vitest';
import {
  cleanCategory,
  cleanSymptoms,
  cleanTags,
  isKbHead,
  kbDraftsAwaitingHead,
  mayGiveKbStatus,
} from '#shared/domain/kbRules.ts';

describe('who may give an article which status', () => {
  it('counts the admin with the head, and the agent with neither', () => {
    expect(isKbHead('head')).toBe(true);
    expect(isKbHead('admin')).toBe(true);
    expect(isKbHead('agent')).toBe(false);
    expect(mayGiveKbStatus('admin', 'draft', 'published')).toBe(true);
  });

  it('lets an agent save a new article as a draft, but not send a published one back to drafts', () => {
    expect(mayGiveKbStatus('agent', null, 'draft')).toBe(true);
    expect(mayGiveKbStatus('agent', 'published', 'draft')).toBe(false);
    expect(mayGiveKbStatus('agent', 'archived', 'draft')).toBe(false);
  });
});

describe('typed text cut to its length', () => {
  it('cuts a tag to 60 characters and keeps at most 50 tags', () => {
    expect(cleanTags(['т'.repeat(61)])).toEqual(['т'.repeat(60)]);
    const many = Array.from({ length: 51 }, (_, i) => `тег${i}`);
    expect(cleanTags(many)).toEqual(many.slice(0, 50));
  });

  it('cuts a category to 80 characters; none stays none', () => {
    expect(cleanCategory('к'.repeat(81))).toBe('к'.repeat(80));
    expect(cleanCategory(null)).toBeNull();
  });

  it('cuts a symptom to 200 characters and keeps at most 30 symptoms', () => {
    expect(cleanSymptoms(['с'.repeat(201)])).toEqual(['с'.repeat(200)]);
    const many = Array.from({ length: 31 }, (_, i) => `симптом ${i}`);
    expect(cleanSymptoms(many)).toEqual(many.slice(0, 30));
  });
});

describe('drafts waiting for the head', () => {
  it('leaves out a draft sent back and not edited since, even when edited the same instant', () => {
    const returned = { at: 1000, by: 'head-1', comment: 'Добавьте шаги' };
    const sentBack = { status: 'draft' as const, returned, editedAt: 1000 };
    const editedAfter = { status: 'draft' as const, returned, editedAt: 1001 };
    expect(kbDraftsAwaitingHead([sentBack, editedAfter])).toEqual([editedAfter]);
  });
});
