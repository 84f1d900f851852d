/**
 * Reply scripts on the endpoint: a shared script is the head's whatever an agent's account pushes
 * (docs/authorization.md), and two desks editing one script while apart never overwrite each
 * other: the stale push is answered with the stored state, and the desk's merge keeps both texts
 * (docs/sync.md, "Conflicts").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeDocuments } from '#shared/domain/merge.ts';
import type { ReplyTemplate, TicketEvent } from '#shared/schema/index.ts';
import type { WithDeleted } from '#shared/protocol.ts';
import { ApiClient } from './support/apiClient.ts';
import { baseInstant, eventDoc, fresh, templateDoc, update } from './support/documents.ts';
import { backends } from './support/testDatabase.ts';
import { signedIn, startTestServer, type TestServer } from './support/testServer.ts';

type Script = WithDeleted<ReplyTemplate>;

describe.each(backends)('reply scripts pushed to the endpoint on %s', (backend) => {
  let server: TestServer;
  let secondHead: { id: string; client: ApiClient };
  beforeAll(async () => {
    server = await startTestServer(backend);
    const signed = await signedIn(server.database, 'head');
    secondHead = { id: signed.agent.id, client: new ApiClient(server.url, signed.token) };
  });
  afterAll(() => server.close());

  const stored = async (id: string) =>
    (await server.asHead.pullAll<ReplyTemplate>('templates')).documents.find((d) => d.id === id) as Script;

  async function sharedScript(): Promise<Script> {
    const doc = templateDoc();
    expect(await server.asHead.push('templates', [fresh(doc)])).toEqual({ conflicts: [], rejected: [] });
    return stored(doc.id);
  }

  it('refuses an agent editing, archiving or deleting a shared script, or making one; the head’s same edit is stored', async () => {
    const master = await sharedScript();
    const byAgent = { editedBy: server.agent.id, editedAt: baseInstant + 1 };
    const edited = { ...master, ...byAgent, body: 'Агент переписал общий скрипт' };
    const archived = { ...master, ...byAgent, archived: true };
    const deleted = { ...master, ...byAgent, _deleted: true };
    const madeShared = templateDoc({ ...byAgent });
    const refusal = { code: 'forbidden_action', reason: expect.stringMatching(/руководитель/) };
    // One push each: the same id twice in a batch is refused as a duplicate.
    for (const row of [update(master, edited), update(master, archived), update(master, deleted), fresh(madeShared)]) {
      const res = await server.asAgent.push<ReplyTemplate>('templates', [row]);
      expect(res.rejected).toEqual([{ id: row.newDocumentState.id, ...refusal }]);
    }
    expect(await stored(master.id)).toEqual(master);
    expect(await stored(madeShared.id)).toBeUndefined();

    const byHead = { ...master, body: 'Руководитель обновил текст', editedAt: baseInstant + 2 };
    expect((await server.asHead.push<ReplyTemplate>('templates', [update(master, byHead)])).rejected).toEqual([]);
    expect((await stored(master.id)).body).toBe('Руководитель обновил текст');
  });

  it('lets an agent keep a personal script of its own, and no colleague’s', async () => {
    const mine = templateDoc({ ownerId: server.agent.id, editedBy: server.agent.id });
    expect((await server.asAgent.push<ReplyTemplate>('templates', [fresh(mine)])).rejected).toEqual([]);
    const master = await stored(mine.id);
    const edited = { ...master, body: 'Мой текст', editedBy: server.agent.id };
    expect((await server.asAgent.push<ReplyTemplate>('templates', [update(master, edited)])).rejected).toEqual([]);
    const theirs = templateDoc({ ownerId: secondHead.id, editedBy: server.agent.id });
    expect((await server.asAgent.push<ReplyTemplate>('templates', [fresh(theirs)])).rejected).toEqual([
      { id: theirs.id, code: 'forbidden_action', reason: expect.any(String) },
    ]);
  });

  it('answers an edit made on a stale state with the stored one, and stores the merge that keeps both texts', async () => {
    const master = await sharedScript();
    // Two heads edit the same state on two desks while apart.
    const first = { ...master, body: 'Текст первого рабочего места', editedAt: baseInstant + 10, editedBy: server.head.id };
    const second = {
      ...master,
      body: 'Текст второго рабочего места',
      phoneBody: 'Вслух со второго',
      editedAt: baseInstant + 20,
      editedBy: secondHead.id,
    };
    expect((await server.asHead.push<ReplyTemplate>('templates', [update(master, first)])).rejected).toEqual([]);
    const afterFirst = await stored(master.id);

    // The stale overwrite is refused: the stored state comes back as a conflict, nothing is written.
    const stale = await secondHead.client.push<ReplyTemplate>('templates', [update(master, second)]);
    expect(stale).toEqual({ conflicts: [afterFirst], rejected: [] });
    expect(await stored(master.id)).toEqual(afterFirst);

    // The desk merges (renderer/src/db/conflictHandler.ts) and pushes on the new base.
    const { merged } = mergeDocuments('templates', master, second, afterFirst);
    expect((await secondHead.client.push<ReplyTemplate>('templates', [update(afterFirst, merged)])).rejected).toEqual([]);
    const kept = await stored(master.id);
    expect(kept).toMatchObject({
      body: 'Текст первого рабочего места',
      phoneBody: 'Вслух со второго',
      conflictDraft: {
        body: 'Текст второго рабочего места',
        phoneBody: 'Вслух со второго',
        editedAt: baseInstant + 20,
        editedBy: secondHead.id,
      },
    });

    // The first head merges by hand; the save clears the draft.
    const resolved = {
      ...kept,
      body: 'Текст первого рабочего места. Текст второго рабочего места',
      conflictDraft: null,
      editedAt: baseInstant + 30,
      editedBy: server.head.id,
    };
    expect((await server.asHead.push<ReplyTemplate>('templates', [update(kept, resolved)])).rejected).toEqual([]);
    expect(await stored(master.id)).toMatchObject({ body: resolved.body, conflictDraft: null });
  });

  it('refuses a conflict draft written in a colleague’s name', async () => {
    const master = await sharedScript();
    const forged = {
      ...master,
      conflictDraft: { body: 'Чужая версия', phoneBody: null, editedAt: baseInstant, editedBy: secondHead.id },
    };
    expect((await server.asHead.push<ReplyTemplate>('templates', [update(master, forged)])).rejected).toEqual([
      { id: master.id, code: 'foreign_author', reason: expect.stringMatching(/conflictDraft\.editedBy/) },
    ]);
  });

  it('stores a logged call and a reply with the script they used, for the usage count', async () => {
    const script = await sharedScript();
    const call = eventDoc({
      authorId: server.agent.id,
      kind: 'contact_logged',
      public: true,
      body: 'Прочитал скрипт подтверждения',
      data: { mode: 'call', templateId: script.id },
    });
    const reply = eventDoc({ authorId: server.agent.id, kind: 'reply', public: true, data: { templateId: script.id } });
    expect(await server.asAgent.push<TicketEvent>('events', [fresh(call), fresh(reply)])).toEqual({
      conflicts: [],
      rejected: [],
    });
    const timeline = (await server.asAgent.pullAll<TicketEvent>('events')).documents;
    expect(timeline.find((e) => e.id === call.id)?.data).toEqual({ mode: 'call', templateId: script.id });
    expect(timeline.find((e) => e.id === reply.id)?.data).toEqual({ templateId: script.id });
  });
});
