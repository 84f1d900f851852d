/**
 * The Bitrix24 channel against a local stand-in of the portal's REST API (the connector knows
 * only the webhook's address): the CRM's companies come into the directory across pages, matched
 * to the desk's cards by INN and by name, never twice, a nameless company passed over with a log
 * line; a rate limit is waited out; a CRM activity posted by the outgoing webhook becomes a ticket
 * with its company, a call with a wrong token is refused; the catch-up files an activity the
 * webhook could not read or never told of, once, and not the CRM's past; opening, resolving and closing a linked
 * ticket comment on the company's timeline once per event; an expired webhook shows in health and
 * the server goes on; the webhook's address is never shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol.ts';
import type { Client, Ticket } from '#shared/schema/index.ts';
import { encodeBitrix24Secret } from '../../../server/channels/bitrix24/bitrix24Secret.ts';
import { importCompanies, nameKey } from '../../../server/channels/bitrix24/companyDirectory.ts';
import { addBitrix24Channel, listChannels, setChannelEnabled } from '../../../server/channels/channelStore.ts';
import { createIntakeTicket } from '../../../server/intake/createIntakeTicket.ts';
import { eventOf, openWriters, readTicket, writeTicketsAndEvents } from '../../../server/channels/ticketWrites.ts';
import { startBitrix24StandIn, type Bitrix24StandIn } from '../support/bitrix24StandIn.ts';
import { eventually, fastChannels } from '../support/emailWorld.ts';
import { backends } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe.each(backends)('Bitrix24 channel on %s', (backend) => {
  let crm: Bitrix24StandIn;
  let server: TestServer;
  let channelId: string;
  const logLines: string[] = [];
  const ids = { romashka: '', naberezhnaya: '', nameless: '', history: '' };
  const deskCards = { romashka: 'card-romashka', naberezhnaya: 'card-naberezhnaya', other: 'card-other' };

  const card = (id: string, name: string, extra: Partial<Client> = {}): Client & { _deleted: boolean } => ({
    id,
    kind: 'organization',
    name,
    parentId: null,
    siteType: null,
    city: 'Москва',
    address: '',
    contacts: [{ name: 'Ольга Кравец', role: 'Бухгалтерия', phone: '', email: 'buh@romashka.test' }],
    products: ['pass24_online'],
    notes: '',
    inn: '',
    crm: null,
    editedAt: Date.now(),
    editedBy: 'agent',
    updatedAt: 0,
    _deleted: false,
    ...extra,
  });

  beforeAll(async () => {
    crm = await startBitrix24StandIn();
    server = await startTestServer(backend, {
      channels: fastChannels,
      logger: { level: 'info' },
      logStream: { write: (line: string) => logLines.push(line) },
    });
    // The desk's own cards, before the CRM is connected: one states its INN, one only a name.
    const pushed = await server.asAgent.push('clients', [
      {
        assumedMasterState: null,
        newDocumentState: card(deskCards.romashka, 'УК Ромашка', { notes: 'Договор 15/2024, ИНН 7701234567' }),
      },
      { assumedMasterState: null, newDocumentState: card(deskCards.naberezhnaya, 'УК Дом на набережной') },
      { assumedMasterState: null, newDocumentState: card(deskCards.other, 'ЖК Северный') },
    ]);
    expect(pushed.rejected).toEqual([]);
    ids.romashka = crm.addCompany({
      title: 'ООО "Ромашка"',
      inn: '7701234567',
      city: 'Москва',
      contacts: [
        { name: 'Ольга', lastName: 'Кравец', post: 'Главный бухгалтер', phone: '+7 495 100-20-30' },
        { name: 'Пётр', lastName: 'Лунин', post: 'Управляющий', email: 'lunin@romashka.test' },
      ],
    });
    ids.naberezhnaya = crm.addCompany({ title: 'УК «Дом на Набережной»' });
    ids.nameless = crm.addCompany({ title: '   ' });
    for (let i = 1; i <= 55; i++) crm.addCompany({ title: `Компания ${i}`, inn: String(7800000000 + i) });
    // The CRM's past: an activity from before the desk was connected.
    ids.history = crm.addActivity({ ownerTypeId: 4, ownerId: ids.romashka, subject: 'Давнее дело из истории', description: '' });
    channelId = await addBitrix24Channel(server.database.db, {
      name: 'Битрикс24',
      address: `bitrix24:${new URL(crm.portal).host}`,
      secret: encodeBitrix24Secret({ webhook: crm.webhook, applicationToken: crm.applicationToken }),
      settings: {
        portal: crm.portal,
        syncMs: 300,
        callIntervalMs: 0,
        activityProviders: [],
        deskUrl: 'https://desk.pass24.test',
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await crm.close();
  });

  const clients = async () => (await server.asAgent.pullAll<Client>('clients')).documents.filter((c) => !c._deleted);
  const linkedTo = async (companyId: string) => (await clients()).filter((c) => c.crm?.id === companyId);
  const companyListCalls = () => crm.calls.filter((c) => c === 'crm.company.list').length;
  const health = async () => (await server.anonymous.get<HealthResponse>('/api/health')).body;
  const eventsUrl = () => `${server.url}/api/channels/bitrix24/${channelId}/events`;
  const ticketsAbout = async (subject: string) =>
    (await server.asAgent.pullAll<Ticket>('tickets')).documents.filter((t) => t.subject === subject);
  const activityCursor = async () => {
    const row = await server.database.db.selectFrom('channels').select('cursor').where('id', '=', channelId).executeTakeFirst();
    return Number((row?.cursor as { activitySince?: string } | undefined)?.activitySince ?? -1);
  };
  /** The catch-up has read up to the activity (filed it, or found it filed). */
  const caughtUp = (activityId: string) =>
    eventually(async () => (await activityCursor()) >= Number(activityId), `the catch-up past activity ${activityId}`);

  it('imports every company across pages, matched to the desk’s cards by INN and by name, a nameless one passed over', async () => {
    await eventually(
      async () => (await clients()).filter((c) => c.crm).length === 57,
      'the 57 named companies in the directory',
      30_000,
    );
    const all = await clients();
    // Paged: 58 companies in pages of 50, read along `next`.
    expect(crm.calls.filter((c) => c === 'crm.company.list').length).toBeGreaterThanOrEqual(2);
    // INN and contacts came in batches, not a call per company.
    expect(crm.calls).toContain('batch');
    expect(crm.calls).toContain('batch:crm.requisite.list');
    expect(crm.calls).not.toContain('crm.requisite.list');

    const romashka = all.find((c) => c.id === deskCards.romashka)!;
    expect(romashka).toMatchObject({
      // Matched by the INN in its notes, though the names differ; the CRM's name is taken.
      name: 'ООО "Ромашка"',
      inn: '7701234567',
      crm: { system: 'bitrix24', id: ids.romashka, url: `${crm.portal}/crm/company/details/${ids.romashka}/` },
      products: ['pass24_online'],
    });
    // Contacts merged by name: the CRM's phone and post join the desk's e-mail; the new one is added.
    expect(romashka.contacts).toEqual([
      { name: 'Ольга Кравец', role: 'Главный бухгалтер', phone: '+7 495 100-20-30', email: 'buh@romashka.test' },
      { name: 'Пётр Лунин', role: 'Управляющий', phone: '', email: 'lunin@romashka.test' },
    ]);
    // Matched by the name, folded (case, quotes).
    expect(all.find((c) => c.id === deskCards.naberezhnaya)!.crm?.id).toBe(ids.naberezhnaya);
    expect(all.find((c) => c.id === deskCards.other)!.crm).toBeNull();
    expect(await linkedTo(ids.romashka)).toHaveLength(1);
    expect(all.filter((c) => nameKey(c.name).includes('набережной'))).toHaveLength(1);
    const newcomer = all.find((c) => c.name === 'Компания 7')!;
    expect(newcomer).toMatchObject({ kind: 'organization', inn: '7800000007', editedBy: '', crm: { system: 'bitrix24' } });

    expect(await linkedTo(ids.nameless)).toEqual([]);
    expect(logLines.some((l) => l.includes('has no name') && l.includes(`"company":"${ids.nameless}"`))).toBe(true);
    expect((await health()).channels.find((c) => c.id === channelId)?.state).toBe('running');
  });

  it('a second import duplicates nothing and brings the changes made in the CRM since', async () => {
    const before = (await clients()).length;
    const reads = companyListCalls();
    await eventually(async () => companyListCalls() >= reads + 2, 'two more reads of the CRM');
    expect(await clients()).toHaveLength(before);

    crm.updateCompany(ids.naberezhnaya, { title: 'УК «Дом на Набережной» (Юг)' });
    const added = crm.addCompany({ title: 'ТСН «Рассвет»', inn: '5003004005' });
    await eventually(async () => (await linkedTo(added)).length === 1, 'the new company');
    // A linked card follows the CRM's renaming.
    await eventually(
      async () => (await clients()).find((c) => c.id === deskCards.naberezhnaya)?.name === 'УК «Дом на Набережной» (Юг)',
      'the renamed company',
    );
    expect(await clients()).toHaveLength(before + 1);
  });

  it('waits out QUERY_LIMIT_EXCEEDED and loses nothing', async () => {
    crm.throttle(2);
    const added = crm.addCompany({ title: 'ГК «Ветер»', inn: '6600112233' });
    await eventually(async () => (await linkedTo(added)).length === 1, 'the company read after the limit');
    expect(logLines.some((l) => l.includes('QUERY_LIMIT_EXCEEDED'))).toBe(true);
    expect((await health()).channels.find((c) => c.id === channelId)?.state).toBe('running');
  });

  it('files a ticket from a CRM activity with its company filled in; the same call twice files one', async () => {
    const activity = crm.addActivity({
      ownerTypeId: 4,
      ownerId: ids.romashka,
      subject: 'Не открывается шлагбаум на въезде 2',
      description: '<p>Добрый день!<br>Шлагбаум не реагирует на пульт.</p>',
      email: 'lunin@romashka.test',
    });
    const first = await crm.postActivityEvent(eventsUrl(), activity);
    // 201 filed now; 200 if the catch-up's round happened to file it a moment before.
    expect([200, 201]).toContain(first.status);
    const filed = JSON.parse(first.body) as { id: string; number: string };
    const ticket = (await server.asAgent.pullAll<Ticket>('tickets')).documents.find((t) => t.id === filed.id)!;
    expect(ticket).toMatchObject({
      channel: 'crm',
      subject: 'Не открывается шлагбаум на въезде 2',
      description: 'Добрый день!\nШлагбаум не реагирует на пульт.',
      clientId: deskCards.romashka,
      organizationName: 'ООО "Ромашка"',
      contact: { email: 'lunin@romashka.test' },
    });
    expect(ticket.number).toBe(filed.number);

    const again = await crm.postActivityEvent(eventsUrl(), activity);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ id: filed.id, created: false });
  });

  it('brings in the company of a contact’s activity that the directory has not read yet', async () => {
    const company = crm.addCompany({ title: 'АО «Северный парк»', inn: '7812345678' });
    const contact = crm.addContact(company, { name: 'Инна', lastName: 'Белова', phone: '+7 812 555-00-11' });
    const activity = crm.addActivity({
      ownerTypeId: 3,
      ownerId: contact,
      subject: 'Пропуска не печатаются',
      description: 'С утра.',
    });
    const answer = await crm.postActivityEvent(eventsUrl(), activity);
    expect([200, 201]).toContain(answer.status);
    const { id } = JSON.parse(answer.body) as { id: string };
    const [linked] = await linkedTo(company);
    const ticket = (await server.asAgent.pullAll<Ticket>('tickets')).documents.find((t) => t.id === id)!;
    expect(ticket).toMatchObject({
      clientId: linked!.id,
      organizationName: 'АО «Северный парк»',
      contact: { name: 'Инна Белова', phone: '+7 812 555-00-11' },
    });
    // The sync reading it later finds it linked: still one card.
    const reads = companyListCalls();
    await eventually(async () => companyListCalls() >= reads + 2, 'two more reads of the CRM');
    expect(await linkedTo(company)).toHaveLength(1);
  });

  it('refuses an outgoing webhook call with a wrong or no application token: a log line, nothing filed', async () => {
    // An activity the CRM does not have, and the catch-up idle: only the refused calls could read or file.
    await caughtUp(crm.lastActivityId());
    const ticketsBefore = (await server.asAgent.pullAll<Ticket>('tickets')).documents.length;
    const callsBefore = crm.calls.filter((c) => c === 'crm.activity.get').length;
    expect((await crm.postActivityEvent(eventsUrl(), '990077', 'not-the-token')).status).toBe(403);
    expect((await crm.postActivityEvent(eventsUrl(), '990077', '')).status).toBe(401);
    expect(logLines.some((l) => l.includes('wrong application token refused'))).toBe(true);
    expect(logLines.some((l) => l.includes('without an application token refused'))).toBe(true);
    // Nothing was read from the CRM, nothing filed, and the token given is not in the log.
    expect(crm.calls.filter((c) => c === 'crm.activity.get').length).toBe(callsBefore);
    expect((await server.asAgent.pullAll<Ticket>('tickets')).documents).toHaveLength(ticketsBefore);
    expect(logLines.join('\n')).not.toContain('not-the-token');
  });

  it('follows activities from the newest one at connection: the CRM’s past is not filed', async () => {
    await caughtUp(ids.history);
    expect(await ticketsAbout('Давнее дело из истории')).toEqual([]);
  });

  it('files an activity the webhook could not read once the portal answers again: 202, then one ticket', async () => {
    crm.expire();
    const subject = 'Портал не отвечал: домофон молчит';
    const activity = crm.addActivity({ ownerTypeId: 4, ownerId: ids.romashka, subject, description: 'Подъезд 3.' });
    const answer = await crm.postActivityEvent(eventsUrl(), activity);
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toMatchObject({ filed: false, pending: true });
    expect(answer.body).not.toContain(new URL(crm.webhook).pathname);
    expect(
      logLines.some((l) => l.includes('the catch-up files it with the next round') && l.includes(`"activity":"${activity}"`)),
    ).toBe(true);
    expect(await ticketsAbout(subject)).toEqual([]);

    crm.expire(false);
    const [ticket] = await eventually(async () => {
      const found = await ticketsAbout(subject);
      return found.length > 0 ? found : undefined;
    }, 'the ticket filed by the catch-up');
    expect(ticket).toMatchObject({ channel: 'crm', clientId: deskCards.romashka, description: 'Подъезд 3.' });
    // Later rounds and the webhook sent again find it filed.
    await caughtUp(activity);
    const reads = companyListCalls();
    await eventually(async () => companyListCalls() >= reads + 2, 'two more rounds');
    const again = await crm.postActivityEvent(eventsUrl(), activity);
    expect(JSON.parse(again.body)).toMatchObject({ id: ticket!.id, created: false });
    expect(await ticketsAbout(subject)).toHaveLength(1);
  });

  it('files an activity no webhook call told of', async () => {
    const subject = 'Вебхук не пришёл: не работает приложение';
    const activity = crm.addActivity({ ownerTypeId: 4, ownerId: ids.naberezhnaya, subject, description: 'С утра.' });
    const [ticket] = await eventually(async () => {
      const found = await ticketsAbout(subject);
      return found.length > 0 ? found : undefined;
    }, 'the ticket filed by the catch-up');
    expect(ticket).toMatchObject({ channel: 'crm', clientId: deskCards.naberezhnaya });
    expect(logLines.some((l) => l.includes('filed by the catch-up') && l.includes(`"activity":"${activity}"`))).toBe(true);
    await caughtUp(activity);
    expect(await ticketsAbout(subject)).toHaveLength(1);
  });

  it('files one ticket for an activity both the webhook and the catch-up bring', async () => {
    const subject = 'Дважды: не приходят пропуска';
    const activity = crm.addActivity({ ownerTypeId: 4, ownerId: ids.romashka, subject, description: '' });
    const answer = await crm.postActivityEvent(eventsUrl(), activity);
    expect([200, 201]).toContain(answer.status);
    await caughtUp(activity);
    const tickets = await ticketsAbout(subject);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.id).toBe((JSON.parse(answer.body) as { id: string }).id);
    const refs = await server.database.db
      .selectFrom('intake_refs')
      .select('ticket_id')
      .where('external_id', '=', `bitrix24:${new URL(crm.portal).host}:activity:${activity}`)
      .execute();
    expect(refs).toEqual([{ ticket_id: tickets[0]!.id }]);
  });

  it('comments on the company’s timeline when a linked ticket opens, is resolved and closed: once per event', async () => {
    const activity = crm.addActivity({
      ownerTypeId: 4,
      ownerId: ids.romashka,
      subject: 'Камера не читает номера',
      description: 'Въезд 1.',
    });
    const { id, number } = JSON.parse((await crm.postActivityEvent(eventsUrl(), activity)).body) as {
      id: string;
      number: string;
    };
    const commentsOf = () => crm.comments.filter((c) => c.COMMENT.includes(number));
    const opened = await eventually(async () => commentsOf()[0], 'the comment on opening');
    expect(opened).toMatchObject({ ENTITY_TYPE: 'company', ENTITY_ID: ids.romashka });
    expect(opened.COMMENT).toContain(`открыто обращение №${number} «Камера не читает номера»`);
    expect(opened.COMMENT).toContain(`https://desk.pass24.test/#/queue/${id}`);

    // Resolved, then closed (seeded on the server: the moves themselves are the workflow's business).
    for (const to of ['resolved', 'closed'] as const) {
      await server.database.db.transaction().execute(async (trx) => {
        const writers = await openWriters(trx);
        const ticket = (await readTicket(trx, id))!;
        const now = Date.now();
        await writeTicketsAndEvents(
          writers,
          trx,
          [{ ...ticket, status: to }],
          [eventOf(id, { kind: 'status_changed', public: false, body: '', data: { from: ticket.status, to } }, now)],
          now,
        );
      });
    }
    await eventually(async () => commentsOf().length === 3, 'the comments on resolving and closing');
    expect(commentsOf()[1]!.COMMENT).toContain(`обращение №${number} «Камера не читает номера» решено`);
    expect(commentsOf()[2]!.COMMENT).toContain(`обращение №${number} «Камера не читает номера» закрыто`);

    // The feed read again from the start: every event is queued once, so nothing is commented twice.
    await server.database.db
      .updateTable('channel_cursors')
      .set({ updated_at: 0, id: '' })
      .where('name', '=', 'crm-writeback')
      .execute();
    const rows = async () =>
      server.database.db
        .selectFrom('outbound_messages')
        .select(['state'])
        .where('kind', '=', 'crm')
        .where('ticket_id', '=', id)
        .execute();
    await eventually(
      async () =>
        (
          await server.database.db
            .selectFrom('channel_cursors')
            .select('updated_at')
            .where('name', '=', 'crm-writeback')
            .executeTakeFirst()
        )?.updated_at !== 0,
      'the feed read again',
    );
    await eventually(async () => (await rows()).filter((r) => r.state === 'sent').length === 3, 'three comments recorded sent');
    expect(await rows()).toHaveLength(3);
    expect(commentsOf()).toHaveLength(3);
    // A ticket of an organisation the CRM does not know comments nowhere.
    expect(crm.comments.every((c) => c.ENTITY_TYPE === 'company')).toBe(true);
  });

  it('records a comment the CRM refuses for good as failed in its row, after one try, and tells nobody else', async () => {
    // A card linked to a company since deleted in the CRM.
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const imported = await importCompanies(
      server.database.db,
      crm.portal,
      [{ company: { ID: '990001', TITLE: 'ООО «Закрылись»' }, inn: '', contacts: [] }],
      quiet,
      channelId,
    );
    const filed = await createIntakeTicket(
      server.database.db,
      {
        channel: 'crm',
        externalId: `gone-${backend}`,
        subject: 'Вопрос о договоре',
        description: 'Текст',
        contact: { name: 'Клиент' },
      },
      'crm',
      Date.now(),
      { clientId: imported.clientIds.get('990001')! },
    );
    const row = await eventually(
      async () =>
        server.database.db
          .selectFrom('outbound_messages')
          .select(['state', 'attempts', 'last_error', 'to_address'])
          .where('ticket_id', '=', filed.id)
          .where('state', '=', 'failed')
          .executeTakeFirst(),
      'the refused comment recorded',
    );
    expect(row).toMatchObject({ to_address: '990001', attempts: 1 });
    expect(row.last_error).toContain('NOT_FOUND');
    // No delivery event in the ticket's timeline: the comment was for the CRM, not the client.
    const events = (await server.asAgent.pullAll<{ ticketId: string; kind: string }>('events')).documents;
    expect(events.filter((e) => e.ticketId === filed.id).map((e) => e.kind)).toEqual(['created']);
    expect(logLines.some((l) => l.includes('sending failed') && l.includes('"final":true'))).toBe(true);
  });

  it('keeps the CRM link out of the desks’ hands', async () => {
    const stored = (await clients()).find((c) => c.id === deskCards.other)!;
    const forged = {
      ...stored,
      crm: { system: 'bitrix24' as const, id: ids.romashka, url: 'https://evil.test/' },
      _deleted: false,
    };
    const answer = await server.asAgent.push<Client>('clients', [
      { assumedMasterState: { ...stored, _deleted: false }, newDocumentState: forged },
    ]);
    expect(answer.rejected).toHaveLength(1);
    expect((await clients()).find((c) => c.id === deskCards.other)!.crm).toBeNull();
  });

  it('reports an expired webhook as failing in /api/health without the address; the server goes on and recovers', async () => {
    crm.expire();
    const failing = await eventually(
      async () => (await health()).channels.find((c) => c.id === channelId && c.state === 'failing'),
      'the failing portal in /api/health',
    );
    expect(failing.detail).toContain('Битрикс24 не принял адрес вебхука');
    expect(failing.detail).toContain('expired_token');
    expect((await health()).ok).toBe(true);
    expect((await server.asAgent.pullAll<Ticket>('tickets')).documents.length).toBeGreaterThan(0);
    crm.expire(false);
    await eventually(
      async () => (await health()).channels.find((c) => c.id === channelId && c.state === 'running'),
      'running again',
    );
  });

  it('never shows the webhook’s address or the application token: not in health, the channel list, pull or the log', async () => {
    const secretPart = new URL(crm.webhook).pathname;
    const healthText = (await server.anonymous.get('/api/health')).text;
    const listed = JSON.stringify(await listChannels(server.database.db));
    const pulled = JSON.stringify(await server.asAdmin.pullAll('clients'));
    for (const text of [healthText, listed, pulled, logLines.join('\n')]) {
      expect(text).not.toContain(secretPart);
      expect(text).not.toContain(crm.applicationToken);
    }
    expect(listed).toContain(crm.portal);
  });

  it('keeps an activity whose webhook call failed before the first round, and catches up only the kinds configured', async () => {
    // A second portal, down from the moment it is connected, opening tickets from web forms only.
    const other = await startBitrix24StandIn();
    try {
      other.expire();
      const company = other.addCompany({ title: 'ООО «Второй портал»' });
      const otherId = await addBitrix24Channel(server.database.db, {
        name: 'Битрикс24 второй',
        address: `bitrix24:${new URL(other.portal).host}`,
        secret: encodeBitrix24Secret({ webhook: other.webhook, applicationToken: other.applicationToken }),
        settings: {
          portal: other.portal,
          syncMs: 300,
          callIntervalMs: 0,
          activityProviders: ['CRM_WEBFORM'],
          deskUrl: 'https://desk.pass24.test',
        },
      });
      await eventually(
        async () => (await health()).channels.find((c) => c.id === otherId && c.state === 'failing'),
        'the second portal failing',
      );
      const formSubject = 'Форма на сайте, пока портал лежал';
      const todoSubject = 'Дело-задача, не обращение';
      const form = other.addActivity({ ownerTypeId: 4, ownerId: company, subject: formSubject, description: '' });
      const todo = other.addActivity({
        ownerTypeId: 4,
        ownerId: company,
        subject: todoSubject,
        description: '',
        providerId: 'CRM_TODO',
      });
      const answer = await other.postActivityEvent(`${server.url}/api/channels/bitrix24/${otherId}/events`, form);
      expect(answer.status).toBe(202);

      other.expire(false);
      await eventually(async () => (await ticketsAbout(formSubject)).length === 1, 'the form’s ticket filed by the catch-up');
      const cursor = async () => {
        const row = await server.database.db.selectFrom('channels').select('cursor').where('id', '=', otherId).executeTakeFirst();
        return (row?.cursor as { activitySince?: string }).activitySince;
      };
      // The to-do is not listed (PROVIDER_ID filtered), so the cursor rests on the form.
      const reads = other.calls.filter((c) => c === 'crm.activity.list').length;
      await eventually(async () => other.calls.filter((c) => c === 'crm.activity.list').length >= reads + 2, 'two more rounds');
      expect(await cursor()).toBe(form);
      expect(Number(todo)).toBeGreaterThan(Number(form));
      expect(await ticketsAbout(todoSubject)).toEqual([]);
      expect(await ticketsAbout(formSubject)).toHaveLength(1);
    } finally {
      await setChannelEnabled(server.database.db, `bitrix24:${new URL(other.portal).host}`, false);
      await other.close();
    }
  });
});
