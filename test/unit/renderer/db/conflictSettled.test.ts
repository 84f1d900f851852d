/** A conflicting local change that merges into exactly the server's state has nothing left to send. */
import { describe, expect, it } from 'vitest';
import { conflictHandlerFor, resolvesToMaster } from '../../../../renderer/src/db/conflictHandler.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const base = { ...makeTicket({ updatedAt: 100 }), _deleted: false };

describe('resolvesToMaster', () => {
  it('is settled when the server has the later edit of the same field', () => {
    const local = { ...base, subject: 'Версия А', editedAt: monday10 + 1_000 };
    const master = { ...base, subject: 'Версия Б', editedAt: monday10 + 2_000, updatedAt: 200 };
    expect(resolvesToMaster('tickets', base, local, master)).toBe(true);
  });

  it('is not settled when the local change touched a field the server did not change', () => {
    const local = { ...base, subject: 'Уточнено А', editedAt: monday10 + 1_000 };
    const master = { ...base, description: 'Уточнено Б', editedAt: monday10 + 2_000, updatedAt: 200 };
    expect(resolvesToMaster('tickets', base, local, master)).toBe(false);
  });

  it('is settled for a new ticket that comes back as stored, with its number', () => {
    const local = { ...base, number: null, updatedAt: 0 };
    const master = { ...base, number: '2026-000042', updatedAt: 300 };
    expect(resolvesToMaster('tickets', null, local, master)).toBe(true);
    expect(resolvesToMaster('tickets', undefined, local, master)).toBe(true);
  });

  it('is settled for timeline entries, which never change once stored', () => {
    expect(resolvesToMaster('events', null, { id: 'e1' }, { id: 'e1', body: 'другое' })).toBe(true);
  });

  it('is not settled when a script’s text lost to the server’s: the conflict draft that keeps it must still go out', async () => {
    const script = {
      id: 'tpl-1',
      title: 'Напоминание',
      body: 'Исходный',
      phoneBody: null,
      conflictDraft: null,
      editedAt: 1,
      editedBy: 'h1',
      updatedAt: 10,
      _deleted: false,
    };
    const local = { ...script, body: 'Моя версия', editedAt: 5, editedBy: 'h2' };
    const master = { ...script, body: 'Их версия', editedAt: 9, updatedAt: 20 };
    expect(resolvesToMaster('templates', script, local, master)).toBe(false);
    const { resolve } = conflictHandlerFor<typeof script>('templates');
    const merged = await resolve({ assumedMasterState: script, newDocumentState: local, realMasterState: master }, 'test');
    expect(merged).toMatchObject({ body: 'Их версия', conflictDraft: { body: 'Моя версия', phoneBody: null, editedBy: 'h2' } });
  });
});
