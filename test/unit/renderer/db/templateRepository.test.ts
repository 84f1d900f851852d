import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { ScriptDraft } from '#shared/templates/index.ts';
import { scriptUsage } from '#shared/templates/index.ts';
import type { TicketEvent } from '#shared/schema/index.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { createScript, saveScript, setScriptArchived } from '../../../../renderer/src/db/templateRepository.ts';
import { applyTicketAction, createTicket } from '../../../../renderer/src/db/ticketRepository.ts';
import type { WriteContext } from '../../../../renderer/src/db/writeContext.ts';
import { agent, head, monday10, otherAgent, ticketInput } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;
let ids = 0;
const ctx = (actor = agent): WriteContext => ({ actor, now: () => monday10, sla: defaultSlaSetup(), newId: () => `id-${++ids}` });
const draft: ScriptDraft = {
  title: 'Напоминание',
  category: 'Ожидание клиента',
  body: 'Здравствуйте, {{client.name}}!',
  phoneBody: '',
  channels: [],
  tags: [],
  shared: true,
};

beforeEach(async () => {
  db = await openDatabase({ name: `test_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  await db.remove();
});

describe('template repository', () => {
  it('the head writes a shared script; an agent may neither write one, change it nor archive it', async () => {
    const made = await createScript(db, draft, ctx(head), 'Общее');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.script).toMatchObject({ ownerId: null, archived: false, phoneBody: null, editedBy: head.id });
    expect(await db.outbox.count().exec()).toBe(1);

    expect(await createScript(db, draft, ctx(agent), 'Общее')).toEqual({ ok: false, error: 'forbidden' });
    expect(await saveScript(db, made.script.id, { ...draft, body: 'Чужая правка' }, ctx(agent), 'Общее')).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(await setScriptArchived(db, made.script.id, true, ctx(agent))).toEqual({ ok: false, error: 'forbidden' });
    expect((await db.templates.findOne(made.script.id).exec())?.body).toBe('Здравствуйте, {{client.name}}!');
  });

  it('an agent writes, edits and archives a personal script; the owner stays whatever the draft says', async () => {
    const made = await createScript(db, { ...draft, shared: false }, ctx(agent), 'Общее');
    if (!made.ok) throw new Error(made.error);
    expect(made.script.ownerId).toBe(agent.id);
    const saved = await saveScript(db, made.script.id, { ...draft, shared: true, phoneBody: 'Вслух' }, ctx(agent), 'Общее');
    expect(saved).toMatchObject({ ok: true, script: { ownerId: agent.id, phoneBody: 'Вслух' } });
    expect(await saveScript(db, made.script.id, draft, ctx(otherAgent), 'Общее')).toEqual({ ok: false, error: 'forbidden' });
    expect(await setScriptArchived(db, made.script.id, true, ctx(agent))).toMatchObject({ ok: true, script: { archived: true } });
  });

  it('a reply written from a script and a call made by one record it, and the usage is counted from the timeline', async () => {
    const t = await createTicket(db, { ...ticketInput, priority: 'standard' }, ctx());
    await applyTicketAction(db, t.id, { type: 'reply', body: 'Здравствуйте!', templateId: 'tpl-7' }, ctx());
    await applyTicketAction(db, t.id, { type: 'reply', body: 'Без скрипта' }, ctx());
    await applyTicketAction(db, t.id, { type: 'logContact', mode: 'call', note: 'Прочитал скрипт', templateId: 'tpl-7' }, ctx());
    const events = (await db.events.find({ selector: { 'data.templateId': { $exists: true } } }).exec()).map(
      (d) => d.toJSON() as TicketEvent,
    );
    expect(events.map((e) => e.body).sort()).toEqual(['Здравствуйте!', 'Прочитал скрипт']);
    expect(scriptUsage(events).get('tpl-7')).toEqual({ count: 2, lastUsedAt: monday10 });
  });

  it('a save made with both versions in view clears the conflict draft; archiving, or a save that has not seen it, keeps it', async () => {
    const made = await createScript(db, draft, ctx(head), 'Общее');
    if (!made.ok) throw new Error(made.error);
    const other = { body: 'Версия другого места', phoneBody: null, editedAt: monday10, editedBy: 'head-2' };
    await (await db.templates.findOne(made.script.id).exec())!.incrementalPatch({ conflictDraft: other });

    expect(await setScriptArchived(db, made.script.id, true, ctx(head))).toMatchObject({
      ok: true,
      script: { conflictDraft: other },
    });
    expect(await saveScript(db, made.script.id, { ...draft, title: 'Новое' }, ctx(head), 'Общее')).toMatchObject({
      ok: true,
      script: { conflictDraft: other },
    });
    const merged = { ...draft, body: 'Здравствуйте, {{client.name}}! Версия другого места' };
    expect(await saveScript(db, made.script.id, merged, ctx(head), 'Общее', true)).toMatchObject({
      ok: true,
      script: { body: merged.body, conflictDraft: null },
    });
  });
});
