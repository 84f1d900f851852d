import { describe, expect, it } from 'vitest';
import { changedFields, valueAt } from '#shared/authz/ruleHelpers.ts';

describe('the value at a dotted path', () => {
  it('follows objects and ends in undefined where the path leaves them', () => {
    const doc = { id: 'd', escalation: { decidedBy: 'head-1' }, subject: 'Камера' };
    expect(valueAt(doc, 'escalation.decidedBy')).toBe('head-1');
    expect(valueAt(doc, 'subject.length')).toBe(undefined);
    expect(valueAt(doc, 'escalation.decidedBy.length')).toBe(undefined);
    expect(valueAt(null, 'subject')).toBe(undefined);
  });
});

describe('the fields a push changes', () => {
  it('never counts what the endpoint or the transport set', () => {
    const stored = { id: 't', subject: 'А', updatedAt: 1, _deleted: false, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
    const pushed = {
      id: 't',
      subject: 'А',
      updatedAt: 2,
      _deleted: true,
      _meta: { lwt: 2 },
      _rev: '2-b',
      _attachments: { f: 1 },
    };
    expect(changedFields(stored, pushed)).toEqual([]);
    expect(changedFields(stored, { ...pushed, subject: 'Б' })).toEqual(['subject']);
  });
});
