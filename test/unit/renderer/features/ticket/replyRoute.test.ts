import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import { replyRouteOf } from '../../../../../renderer/src/features/ticket/replyRoute.ts';

const contact = { name: 'Иван Петров', phone: '', email: 'ivan@example.ru', messenger: '@ivan' };
let seq = 0;
const event = (kind: TicketEvent['kind'], channel: string | null, at: number): TicketEvent => ({
  id: `e-${++seq}`,
  ticketId: 't-1',
  kind,
  at,
  authorId: '',
  authorName: '',
  public: true,
  body: '',
  data: channel === null ? {} : { channel },
  updatedAt: 0,
});

describe('where a reply goes', () => {
  it('goes to the Telegram chat, named by the contact and the username, when the client last wrote from Telegram', () => {
    expect(replyRouteOf({ contact }, [event('created', 'telegram', 1), event('client_message', 'telegram', 2)])).toEqual({
      kind: 'telegram',
      chat: 'Иван Петров (@ivan)',
    });
    expect(replyRouteOf({ contact: { ...contact, name: '' } }, [event('client_message', 'telegram', 2)])).toEqual({
      kind: 'telegram',
      chat: '@ivan',
    });
    expect(replyRouteOf({ contact: { ...contact, messenger: '' } }, [event('client_message', 'telegram', 2)])).toEqual({
      kind: 'telegram',
      chat: 'Иван Петров',
    });
  });

  it("is mailed to the contact's address when the client last wrote by mail, or the ticket came by no channel", () => {
    // Out of order on purpose: the latest by time decides.
    expect(replyRouteOf({ contact }, [event('client_message', 'email', 5), event('created', 'telegram', 1)])).toEqual({
      kind: 'email',
      address: 'ivan@example.ru',
    });
    expect(replyRouteOf({ contact }, [event('created', null, 1), event('note', 'telegram', 2)])).toEqual({
      kind: 'email',
      address: 'ivan@example.ru',
    });
    expect(replyRouteOf({ contact: { ...contact, email: '' } }, [])).toEqual({ kind: 'email', address: '' });
  });
});
