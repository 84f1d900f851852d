import { describe, expect, it } from 'vitest';
import { badTextPath, implausibleInstant, maxDocumentDepth, tooDeep } from '#shared/authz/documentLimits.ts';
import { checkDocument, type RuleDoc } from '#shared/authz/documentRules.ts';
import type { CollectionName } from '#shared/protocol.ts';
import { head, monday10 } from '../../../support/ticketFactory.ts';

// What any stored document must be, whatever its collection, and the sentence each refusal shows.
const now = monday10;
const dayMs = 24 * 60 * 60 * 1000;
const far = now + dayMs + 1;
/** `levels` objects nested one in another: nest(1) is {}. */
const nest = (levels: number): unknown => (levels <= 1 ? {} : { d: nest(levels - 1) });

describe('nesting', () => {
  it(`allows ${maxDocumentDepth} levels of objects and arrays, not one more`, () => {
    expect(tooDeep(nest(maxDocumentDepth))).toBe(false);
    expect(tooDeep(nest(maxDocumentDepth + 1))).toBe(true);
    expect(tooDeep([[[]]], 3)).toBe(false);
    expect(tooDeep([[[[]]]], 3)).toBe(true);
  });

  it('refuses a document nested too deep with its sentence', () => {
    const pushed = { id: 'calendar', value: nest(maxDocumentDepth), editedAt: now, editedBy: head.id };
    expect(checkDocument('config', { role: 'head', agentId: head.id, stored: null, pushed, now })).toEqual({
      ok: false,
      code: 'invalid_document',
      reason: 'Документ вложен слишком глубоко: допускается не больше 32 уровней.',
    });
  });
});

describe('text PostgreSQL can store', () => {
  it('names the whole value when the value itself is bad text', () => {
    expect(badTextPath('bad\u0000')).toBe('(значение)');
    expect(badTextPath(7)).toBe(null);
  });

  it('refuses the document naming the field', () => {
    const pushed = { id: 'c-1', name: 'УК\u0000', editedAt: now, editedBy: head.id };
    expect(checkDocument('clients', { role: 'head', agentId: head.id, stored: null, pushed, now })).toEqual({
      ok: false,
      code: 'invalid_text',
      reason:
        'Поле «name» содержит символ, который нельзя сохранить (нулевой символ или половина суррогатной пары): удалите его и отправьте снова.',
    });
  });
});

describe('instants a desk sets lie at most a day ahead of the endpoint’s clock', () => {
  const doc = (fields: Record<string, unknown>): RuleDoc => ({ id: 'd-1', ...fields });
  const set = (path: string, value: unknown): Record<string, unknown> => {
    const [head_, tail] = path.split('.') as [string, string?];
    return tail === undefined ? { [head_]: value } : { [head_]: { [tail]: value } };
  };

  it.each([
    ['tickets', 'createdAt'],
    ['tickets', 'editedAt'],
    ['tickets', 'firstContactAt'],
    ['tickets', 'resolvedAt'],
    ['tickets', 'closedAt'],
    ['tickets', 'escalation.requestedAt'],
    ['tickets', 'escalation.decidedAt'],
    ['tickets', 'confirmation.confirmedAt'],
    ['events', 'at'],
    ['kb', 'createdAt'],
    ['kb', 'editedAt'],
    ['kb', 'conflictDraft.editedAt'],
    ['templates', 'editedAt'],
    ['clients', 'editedAt'],
    ['config', 'editedAt'],
  ] as const)('%s: %s', (collection: CollectionName, path) => {
    expect(implausibleInstant(collection, null, doc(set(path, now + dayMs)), now)).toBe(null);
    expect(implausibleInstant(collection, null, doc(set(path, far)), now)).toBe(path);
  });

  it('the agents directory sets none', () => {
    expect(implausibleInstant('agents', null, doc({ editedAt: far }), now)).toBe(null);
  });

  it('a value already stored passes unchanged; a changed one is judged', () => {
    const stored = doc({ editedAt: far });
    expect(implausibleInstant('clients', stored, doc({ editedAt: far }), now)).toBe(null);
    expect(implausibleInstant('clients', stored, doc({ editedAt: far + 1 }), now)).toBe('editedAt');
    expect(implausibleInstant('clients', doc({ editedAt: now }), doc({ editedAt: far }), now)).toBe('editedAt');
  });

  it('a ticket’s new status entries are judged; entries already stored pass', () => {
    const ahead = { status: 'in_progress', at: far };
    const tickets = (statusLog: unknown[]) => doc({ createdAt: now, statusLog });
    expect(implausibleInstant('tickets', null, tickets([{ status: 'new', at: now }, ahead]), now)).toBe('statusLog.at');
    expect(implausibleInstant('tickets', tickets([ahead]), tickets([ahead, { status: 'resolved', at: now }]), now)).toBe(null);
    expect(implausibleInstant('tickets', null, tickets([{ status: 'new', at: now + dayMs }]), now)).toBe(null);
  });

  it('a status entry without a numeric instant is the schema’s business, not this check’s', () => {
    const odd = doc({ createdAt: now, statusLog: [null, { status: 'new', at: String(far) }] });
    expect(implausibleInstant('tickets', null, odd, now)).toBe(null);
  });

  it('only tickets have a status history to judge', () => {
    expect(implausibleInstant('kb', null, doc({ statusLog: [{ status: 'new', at: far }] }), now)).toBe(null);
  });

  it('refuses the document naming the field', () => {
    const pushed = { id: 'c-1', name: 'УК', editedAt: far, editedBy: head.id };
    expect(checkDocument('clients', { role: 'head', agentId: head.id, stored: null, pushed, now })).toEqual({
      ok: false,
      code: 'invalid_document',
      reason: 'Поле «editedAt» указывает на момент в будущем, дальше суток от часов сервера: проверьте дату.',
    });
  });
});

describe('the agents directory', () => {
  it('is never pushed from a desk', () => {
    expect(checkDocument('agents', { role: 'admin', agentId: 'a', stored: null, pushed: { id: 'a' }, now })).toEqual({
      ok: false,
      code: 'pull_only',
      reason: 'Справочник сотрудников ведёт сервер: его не изменяют с рабочего места.',
    });
  });
});
