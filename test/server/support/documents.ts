/** Schema-valid documents of each collection, as a workstation would push them. */
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import { ticketInput } from '../../support/ticketFactory.ts';
import type { KbArticle, ReplyTemplate, Ticket, TicketEvent, ConfigDoc } from '#shared/schema/index.ts';
import type { PushRow, WithDeleted } from '#shared/protocol.ts';

/** 2026-03-10 12:00 Moscow. */
export const baseInstant = Date.UTC(2026, 2, 10, 9, 0);

let seq = 0;
export const nextId = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

export function ticketDoc(overrides: Partial<Ticket> = {}): WithDeleted<Ticket> {
  const t = createTicketDocument(
    { ...ticketInput, description: 'Камера на въезде не распознаёт номера' },
    { id: overrides.id ?? nextId('t'), now: overrides.createdAt ?? baseInstant, authorId: 'agent' },
  );
  return { ...t, ...overrides, _deleted: false };
}

export function eventDoc(overrides: Partial<TicketEvent> = {}): WithDeleted<TicketEvent> {
  return {
    id: nextId('e'),
    ticketId: 't-1',
    kind: 'note',
    at: baseInstant,
    authorId: 'agent',
    authorName: 'Анна',
    public: false,
    body: 'Проверил журнал событий',
    data: {},
    updatedAt: 0,
    ...overrides,
    _deleted: false,
  };
}

export function kbDoc(overrides: Partial<KbArticle> = {}): WithDeleted<KbArticle> {
  return {
    id: nextId('kb'),
    title: 'Настройка распознавания номеров',
    body: '# Камера\n\nПроверьте выдержку.',
    product: 'pass24_auto',
    tags: ['камера'],
    category: null,
    symptoms: [],
    // An agent's new article is a draft; publishing is the head's.
    status: 'draft',
    createdAt: baseInstant,
    createdBy: 'agent',
    editedAt: baseInstant,
    editedBy: 'agent',
    sourceTicketId: null,
    conflictDraft: null,
    summary: null,
    returned: null,
    updatedAt: 0,
    ...overrides,
    _deleted: false,
  };
}

/** A shared reply script written by the head. */
export function templateDoc(overrides: Partial<ReplyTemplate> = {}): WithDeleted<ReplyTemplate> {
  return {
    id: nextId('tpl'),
    title: 'Напоминание об ожидании ответа',
    category: 'Ожидание клиента',
    body: 'Здравствуйте, {{client.name}}! Напоминаем об обращении {{ticket.number}}.',
    phoneBody: null,
    channels: [],
    tags: ['напоминание'],
    ownerId: null,
    archived: false,
    conflictDraft: null,
    editedAt: baseInstant,
    editedBy: 'head',
    updatedAt: 0,
    ...overrides,
    _deleted: false,
  };
}

export function configDoc(overrides: Partial<ConfigDoc> = {}): WithDeleted<ConfigDoc> {
  return {
    id: 'kpi-targets',
    value: { csat: 4.5 },
    editedAt: baseInstant,
    editedBy: 'head',
    updatedAt: 0,
    ...overrides,
    _deleted: false,
  };
}

export const fresh = <T>(doc: WithDeleted<T>): PushRow<T> => ({ assumedMasterState: null, newDocumentState: doc });
export const update = <T>(master: WithDeleted<T>, next: WithDeleted<T>): PushRow<T> => ({
  assumedMasterState: master,
  newDocumentState: next,
});
