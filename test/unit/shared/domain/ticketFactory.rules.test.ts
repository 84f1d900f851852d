/**
 * A new ticket as intake makes it (the «Новое обращение» form and the intake API alike): every
 * field of the stored document, what is trimmed, what an input that leaves a field out gets.
 */
import { describe, expect, it } from 'vitest';
import { createTicketDocument, emptyEscalation, ticketLimits } from '#shared/domain/ticketFactory.ts';
import { maxInstant } from '#shared/schema/fields.ts';

const now = Date.UTC(2026, 10, 23, 7, 0);
const ctx = { id: 't-1', now, authorId: 'agent-1' };

const noEscalation = {
  state: 'none',
  reason: '',
  requestedAt: null,
  requestedBy: '',
  decidedAt: null,
  decidedBy: '',
  devTaskRef: '',
  comment: '',
};

describe('a new ticket', () => {
  it('from an input that names everything: trimmed texts, the author and the instant everywhere', () => {
    const ticket = createTicketDocument(
      {
        subject: '  Шлагбаум не открывается  ',
        description: '\nКамера не видит номер\t',
        type: 'incident',
        priority: 'emergency',
        channel: 'email',
        product: 'pass24_auto',
        clientId: 'c-1',
        siteId: 's-1',
        organizationName: ' УК «Север» ',
        siteName: ' ЖК «Север» ',
        contact: { name: ' Сергей ', phone: ' +7 900 000-00-00 ', email: ' s@example.ru ', messenger: ' @sergey ' },
        assigneeId: 'agent-2',
        repeatOf: 't-0',
        externalId: 'mail-17',
        tags: ['камера', 'номер'],
      },
      ctx,
    );
    expect(ticket).toEqual({
      id: 't-1',
      number: null,
      subject: 'Шлагбаум не открывается',
      description: 'Камера не видит номер',
      type: 'incident',
      priority: 'emergency',
      status: 'new',
      channel: 'email',
      product: 'pass24_auto',
      clientId: 'c-1',
      siteId: 's-1',
      organizationName: 'УК «Север»',
      siteName: 'ЖК «Север»',
      contact: { name: 'Сергей', phone: '+7 900 000-00-00', email: 's@example.ru', messenger: '@sergey' },
      assigneeId: 'agent-2',
      createdAt: now,
      createdBy: 'agent-1',
      editedAt: now,
      editedBy: 'agent-1',
      firstContactAt: null,
      resolvedAt: null,
      closedAt: null,
      statusLog: [{ status: 'new', at: now }],
      firstContactDueAt: null,
      resolutionDueAt: null,
      dueAt: maxInstant,
      escalation: noEscalation,
      resolution: null,
      confirmation: null,
      csat: null,
      repeatOf: 't-0',
      externalId: 'mail-17',
      tags: ['камера', 'номер'],
      updatedAt: 0,
    });
  });

  it('from an input that leaves out what it may: no client, site, contact, assignee, repeat, external id or tags', () => {
    const ticket = createTicketDocument(
      { subject: 'Тема', description: '', type: 'question', priority: 'standard', channel: 'phone', product: null },
      { id: 't-2', now, authorId: '' },
    );
    expect(ticket).toMatchObject({
      product: null,
      clientId: null,
      siteId: null,
      organizationName: '',
      siteName: '',
      contact: { name: '', phone: '', email: '', messenger: '' },
      assigneeId: '',
      createdBy: '',
      editedBy: '',
      repeatOf: null,
      externalId: null,
      tags: [],
    });
  });

  it('with part of a contact: the missing parts empty, the given ones trimmed', () => {
    const ticket = createTicketDocument(
      {
        subject: 'Тема',
        description: 'Текст',
        type: 'question',
        priority: 'standard',
        channel: 'messenger',
        product: null,
        contact: { messenger: ' @anna ' },
        clientId: null,
        siteId: null,
      },
      ctx,
    );
    expect(ticket.contact).toEqual({ name: '', phone: '', email: '', messenger: '@anna' });
    expect([ticket.clientId, ticket.siteId]).toEqual([null, null]);
  });

  it('has its own escalation record and tag list, shared with no other ticket', () => {
    const tags = ['камера'];
    const input = {
      subject: 'Тема',
      description: '',
      type: 'question',
      priority: 'standard',
      channel: 'phone',
      product: null,
    } as const;
    const a = createTicketDocument({ ...input, tags }, ctx);
    const b = createTicketDocument(input, ctx);
    expect(a.tags).toEqual(['камера']);
    expect(a.escalation).not.toBe(b.escalation);
    expect(emptyEscalation()).toEqual(noEscalation);
  });
});

describe('the limits forms and the intake API trim and refuse by', () => {
  it('are the ticket schema’s lengths', () => {
    expect(ticketLimits).toEqual({ subject: 300, description: 20000, name: 200, phone: 50, email: 200, messenger: 200 });
  });
});
