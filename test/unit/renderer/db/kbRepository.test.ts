import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { kbDraftsAwaitingHead } from '#shared/domain/kbRules.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { createKbArticle, returnKbDraft, setKbStatus, updateKbArticle } from '../../../../renderer/src/db/kbRepository.ts';
import type { WriteContext } from '../../../../renderer/src/db/writeContext.ts';
import { agent, head, monday10 } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;
let ids = 0;
let clock = monday10;
const ctx = (actor = agent): WriteContext => ({ actor, now: () => clock, sla: defaultSlaSetup(), newId: () => `kb-${++ids}` });
const input = {
  title: 'Домофон не открывает калитку',
  body: '## Решение\n\nПерезапустите модуль.',
  product: null,
  tags: ['домофон'],
  category: ' Неисправность ',
  symptoms: ['не открывается калитка', '', 'Не открывается калитка'],
};
const stored = async (id: string) => (await db.kb.findOne(id).exec())!.toJSON() as KbArticle;
const awaiting = async () =>
  kbDraftsAwaitingHead((await db.kb.find().exec()).map((d) => d.toJSON() as KbArticle)).map((a) => a.id);

beforeEach(async () => {
  db = await openDatabase({ name: `test_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  clock = monday10;
});
afterEach(async () => {
  await db.remove();
});

describe('KB repository', () => {
  it('an agent’s article is a draft with its category and symptoms cleaned; it waits for the head', async () => {
    const made = await createKbArticle(db, input, ctx());
    expect(made).toMatchObject({
      status: 'draft',
      category: 'Неисправность',
      symptoms: ['не открывается калитка'],
      returned: null,
    });
    expect(await awaiting()).toEqual([made.id]);
    await expect(setKbStatus(db, made.id, 'published', ctx())).rejects.toThrow(/head/);
  });

  it('the head sends a draft back signed and dated; edited again it waits again, published it loses the comment', async () => {
    const made = await createKbArticle(db, input, ctx());
    clock += 60_000;
    await expect(returnKbDraft(db, made.id, 'Добавьте фото', ctx())).rejects.toThrow(/head/);
    await expect(returnKbDraft(db, made.id, '  ', ctx(head))).rejects.toThrow(/comment/);
    await returnKbDraft(db, made.id, ' Добавьте фото щита ', ctx(head));
    expect(await stored(made.id)).toMatchObject({
      returned: { comment: 'Добавьте фото щита', at: clock, by: head.id },
      editedAt: clock,
      editedBy: head.id,
    });
    expect(await awaiting()).toEqual([]);

    clock += 60_000;
    await updateKbArticle(db, made.id, { ...input, body: 'Фото щита добавлено.' }, ctx());
    expect(await awaiting()).toEqual([made.id]);
    await setKbStatus(db, made.id, 'published', ctx(head));
    expect(await stored(made.id)).toMatchObject({ status: 'published', returned: null });
  });
});
