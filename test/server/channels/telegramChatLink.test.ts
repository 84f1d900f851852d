/**
 * Linking a Telegram chat to a client: the manager sets the ticket's organisation and contact (an
 * ordinary ticket edit, judged by shared/authz like any other), and the chat remembers it: its
 * next ticket comes with the client filled in. An agent may not relink a colleague's ticket; the
 * endpoint refuses it whatever the desk shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction } from '#shared/domain/workflow.ts';
import type { Client, Ticket } from '#shared/schema/index.ts';
import type { WithDeleted } from '#shared/protocol.ts';
import { addTelegramChannel } from '../../../server/channels/channelStore.ts';
import { startBotApiStandIn, type BotApiStandIn } from '../support/botApiStandIn.ts';
import { ApiClient } from '../support/apiClient.ts';
import { nextId } from '../support/documents.ts';
import { eventually, fastChannels } from '../support/emailWorld.ts';
import { backends } from '../support/testDatabase.ts';
import { signedIn, startTestServer, type TestServer } from '../support/testServer.ts';

describe.each(backends)('Linking a Telegram chat to a client on %s', (backend) => {
  let api: BotApiStandIn;
  let server: TestServer;
  let colleague: { id: string; client: ApiClient };
  let organization: WithDeleted<Client>;
  let chatSeq = 600;
  const newChat = () => ++chatSeq + (backend === 'postgres' ? 5000 : 0);

  beforeAll(async () => {
    api = await startBotApiStandIn(7_000_000_003);
    server = await startTestServer(backend, { channels: fastChannels });
    await addTelegramChannel(server.database.db, {
      name: 'Бот поддержки',
      address: `telegram:${api.botId}`,
      secret: api.token,
      settings: { apiRoot: api.apiRoot, pollTimeoutSeconds: 1 },
    });
    const other = await signedIn(server.database, 'agent');
    colleague = { id: other.agent.id, client: new ApiClient(server.url, other.token) };
    organization = {
      id: nextId('org'),
      kind: 'organization',
      name: 'УК «Северный квартал»',
      parentId: null,
      siteType: null,
      city: 'Казань',
      address: '',
      contacts: [{ name: 'Ольга Смирнова', role: 'диспетчер', phone: '+7 843 200-00-01', email: 'olga@sever.example' }],
      products: [],
      notes: '',
      inn: '',
      crm: null,
      editedAt: Date.now(),
      editedBy: server.head.id,
      updatedAt: 0,
      _deleted: false,
    };
    expect(
      (await server.asHead.push('clients', [{ assumedMasterState: null, newDocumentState: organization }])).rejected,
    ).toEqual([]);
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  const ticketsOf = async (chat: number) =>
    (await server.asAgent.pullAll<WithDeleted<Ticket>>('tickets')).documents.filter(
      (t) => t.contact.messenger === `@client${chat}`,
    );
  const linked = (ticket: WithDeleted<Ticket>, by: string): WithDeleted<Ticket> => ({
    ...ticket,
    clientId: organization.id,
    organizationName: organization.name,
    contact: { ...ticket.contact, name: 'Ольга Смирнова', phone: '+7 843 200-00-01', email: 'olga@sever.example' },
    editedAt: Date.now(),
    editedBy: by,
  });

  it("remembers the link: the chat's next ticket comes with the organisation and the contact", async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Не работает домофон в подъезде 2');
    const first = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the first ticket');
    expect(first).toMatchObject({ clientId: null, organizationName: '' });
    const pushed = await server.asAgent.push('tickets', [
      { assumedMasterState: first, newDocumentState: linked(first, server.agent.id) },
    ]);
    expect(pushed.rejected).toEqual([]);

    api.clientMessage(chat, '/new Пропуск для курьера');
    const second = await eventually(
      async () => (await ticketsOf(chat)).find((t) => t.subject === 'Пропуск для курьера' && t.number),
      'the next ticket of the chat',
    );
    expect(second).toMatchObject({
      clientId: organization.id,
      organizationName: 'УК «Северный квартал»',
      contact: {
        name: 'Ольга Смирнова',
        phone: '+7 843 200-00-01',
        email: 'olga@sever.example',
        messenger: `@client${chat}`,
      },
    });
    // The acknowledgement still goes to the chat, not to the contact's mail.
    await eventually(async () => api.sent.find((m) => m.chat_id === String(chat) && m.text.includes(second.number!)), 'the ack');
  });

  it("leaves another chat's tickets unlinked", async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Вопрос из другого чата');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    expect(ticket).toMatchObject({ clientId: null, organizationName: '', contact: { name: 'Иван Петров', email: '' } });
  });

  it("refuses an agent who links a colleague's ticket, and the chat stays unlinked", async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Не пускает на парковку');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    const now = Date.now();
    const taken = applyAction(ticket, { type: 'take' }, { id: colleague.id, name: 'Коллега', role: 'agent' }, now);
    if (!taken.ok) throw new Error(taken.error.code);
    const take = await colleague.client.push('tickets', [
      { assumedMasterState: ticket, newDocumentState: { ...taken.ticket, _deleted: false } },
    ]);
    expect(take.rejected).toEqual([]);
    const held = (await ticketsOf(chat))[0]!;
    expect(held.assigneeId).toBe(colleague.id);

    const attempt = await server.asAgent.push('tickets', [
      { assumedMasterState: held, newDocumentState: linked(held, server.agent.id) },
    ]);
    expect(attempt.rejected).toEqual([
      expect.objectContaining({
        code: 'forbidden_action',
        reason: expect.stringContaining('Обращение ведёт другой сотрудник'),
      }),
    ]);
    expect((await ticketsOf(chat))[0]).toMatchObject({ clientId: null, organizationName: '' });

    api.clientMessage(chat, '/new Ещё вопрос');
    const next = await eventually(
      async () => (await ticketsOf(chat)).find((t) => t.subject === 'Ещё вопрос' && t.number),
      'the next ticket',
    );
    expect(next).toMatchObject({ clientId: null, organizationName: '' });

    // The colleague who holds it may link it.
    const own = await colleague.client.push('tickets', [
      { assumedMasterState: held, newDocumentState: linked(held, colleague.id) },
    ]);
    expect(own.rejected).toEqual([]);
  });
});
