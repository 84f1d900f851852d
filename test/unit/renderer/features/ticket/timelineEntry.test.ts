import { describe, expect, it } from 'vitest';
import type { EventKind } from '#shared/vocabulary/enums.ts';
import { eventKinds } from '#shared/vocabulary/enums.ts';
import { timelineEntryOf, timelineOf } from '../../../../../renderer/src/features/ticket/timelineEntry.ts';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';

let seq = 0;
function event(kind: EventKind, overrides: Partial<TicketEvent> = {}): TicketEvent {
  seq += 1;
  return {
    id: `e-${seq}`,
    ticketId: 't-1',
    kind,
    at: 1000 + seq,
    authorId: 'a-1',
    authorName: 'Анна Смирнова',
    public: false,
    body: '',
    data: {},
    updatedAt: 0,
    ...overrides,
  };
}

describe('timeline entries', () => {
  it('gives every event kind a message key', () => {
    for (const kind of eventKinds) expect(timelineEntryOf(event(kind)).key, kind).toMatch(/^[a-zA-Z]+$/);
  });

  it('tells a logged call from a logged message', () => {
    expect(timelineEntryOf(event('contact_logged', { public: true, data: { mode: 'call' } })).key).toBe('contactCall');
    expect(timelineEntryOf(event('contact_logged', { public: true, data: { mode: 'message' } })).key).toBe('contactMessage');
  });

  it('signs a delivery with the channel it went through, and keeps the name of one written before channels were named', () => {
    const telegram = timelineEntryOf(event('delivery', { authorName: 'Telegram', data: { state: 'sent', channel: 'telegram' } }));
    expect(telegram).toMatchObject({ authorKey: 'byTelegram', key: 'deliverySent' });
    expect(timelineEntryOf(event('delivery', { authorName: 'Почта', data: { state: 'sent', channel: 'email' } })).authorKey).toBe(
      'byEmail',
    );
    const older = timelineEntryOf(event('delivery', { authorName: 'Почта', data: { state: 'sent' } }));
    expect(older.authorKey).toBeUndefined();
    expect(older.author).toBe('Почта');
    expect(timelineEntryOf(event('reply', { public: true, data: { channel: 'telegram' } })).authorKey).toBeUndefined();
  });

  it("tells a client's Telegram message from a client's mail", () => {
    expect(timelineEntryOf(event('client_message', { data: { channel: 'telegram', from: '@client1' } }))).toMatchObject({
      key: 'clientMessageTelegram',
      values: { from: '@client1' },
    });
    expect(timelineEntryOf(event('client_message', { data: { channel: 'email', from: 'a@b.ru' } })).key).toBe('clientMessage');
  });

  it('marks what the client saw as public and notes as internal', () => {
    expect(timelineEntryOf(event('reply', { public: true, body: 'Здравствуйте' })).tone).toBe('public');
    expect(timelineEntryOf(event('note', { body: 'Проверить' })).tone).toBe('internal');
    expect(timelineEntryOf(event('status_changed', { data: { from: 'new', to: 'in_progress' } })).tone).toBe('system');
  });

  it('carries the details a sentence needs', () => {
    expect(timelineEntryOf(event('status_changed', { data: { from: 'new', to: 'in_progress' } })).values).toEqual({
      from: 'new',
      to: 'in_progress',
    });
    expect(timelineEntryOf(event('escalation_approved', { data: { devTaskRef: 'DEV-101' } })).values).toEqual({
      devTaskRef: 'DEV-101',
    });
    expect(timelineEntryOf(event('csat', { data: { score: 5 } })).values).toEqual({ score: 5 });
    expect(
      timelineEntryOf(event('merge_overwritten', { data: { field: 'subject', overwritten: 'старая тема' } })).values,
    ).toEqual({ field: 'subject', overwritten: 'старая тема' });
  });

  it('orders the timeline by time, whatever order the database gave', () => {
    const a = event('created', { at: 10 });
    const b = event('status_changed', { at: 30 });
    const c = event('contact_logged', { at: 20 });
    expect(timelineOf([b, a, c]).map((e) => e.id)).toEqual([a.id, c.id, b.id]);
  });
});
